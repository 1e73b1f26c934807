import CSQLite

extension Database {
    /// Runs `body` in a transaction: BEGIN, then COMMIT if it returns, ROLLBACK if it throws
    /// (https://sqlite.org/lang_transaction.html).
    ///
    /// Any error is rethrown as it was: the body's error, or the COMMIT's (a deferred constraint, a full disk), after
    /// rolling back. A rollback that fails too is ignored so it cannot hide the error that caused it.
    ///
    /// Nested calls become savepoints (https://sqlite.org/lang_savepoint.html): an inner failure undoes only the
    /// inner work, and the outer body may catch it and go on; inner work is durable only when the outermost
    /// transaction commits. `kind` applies to the outermost call only.
    ///
    /// Use `.immediate` for writes, so the write lock is awaited (up to the busy timeout) at BEGIN, and
    /// `.deferred` for reads.
    public func transaction<T>(_ kind: TransactionKind, _ body: (Database) throws -> T) throws -> T {
        if transactionDepth > 0 {
            return try savepoint(body)
        }
        guard !isInTransaction else {
            // A transaction this method did not open (a manual BEGIN, or a rollback that failed) would silently
            // swallow this one as a savepoint; refuse instead.
            let message = "a transaction opened outside transaction(_:_:) is still active on this connection"
            throw SQLiteError(code: SQLITE_MISUSE, message: message, sql: kind.beginSQL)
        }
        try run(kind.beginSQL)
        transactionDepth = 1
        defer { transactionDepth = 0 }
        let result: T
        do {
            result = try body(self)
        } catch {
            rollbackIgnoringErrors()
            throw error
        }
        do {
            try run("COMMIT TRANSACTION")
        } catch {
            // A failed COMMIT leaves the transaction open (https://sqlite.org/lang_transaction.html).
            rollbackIgnoringErrors()
            throw error
        }
        return result
    }

    private func savepoint<T>(_ body: (Database) throws -> T) throws -> T {
        // SQLite may have rolled the enclosing transaction back on an error the caller caught; a SAVEPOINT now
        // would open a transaction of its own, which its RELEASE would commit.
        guard isInTransaction else {
            let message = "the enclosing transaction has ended (SQLite rolled it back), so no savepoint can join it"
            throw SQLiteError(code: SQLITE_MISUSE, message: message, sql: "SAVEPOINT")
        }
        let depth = transactionDepth
        let statements = try savepointStatements(depth: depth)
        try statements.open.runOnce()
        transactionDepth += 1
        defer { transactionDepth -= 1 }
        let result: T
        do {
            result = try body(self)
        } catch {
            undoSavepointIgnoringErrors(statements.name)
            throw error
        }
        do {
            try statements.release.runOnce()
        } catch {
            undoSavepointIgnoringErrors(statements.name)
            throw error
        }
        return result
    }

    /// The prepared statements of the savepoint opened at `depth` (1 for the first inside BEGIN).
    private func savepointStatements(depth: Int) throws(SQLiteError) -> SavepointStatements {
        let index = depth - 1
        if savepointStatements.indices.contains(index) {
            return savepointStatements[index]
        }
        let connection = try connection()
        while savepointStatements.count <= index {
            savepointStatements.append(
                try SavepointStatements(connection: connection, depth: savepointStatements.count + 1))
        }
        return savepointStatements[index]
    }

    // Errors here are dropped on purpose: the caller is already throwing the error that matters, and SQLite may
    // have rolled back by itself (SQLITE_FULL, SQLITE_IOERR, SQLITE_BUSY, SQLITE_NOMEM;
    // https://sqlite.org/lang_transaction.html#response_to_errors_within_a_transaction).
    private func rollbackIgnoringErrors() {
        do {
            try run("ROLLBACK TRANSACTION")
        } catch {
            return
        }
    }

    // ROLLBACK TO keeps the savepoint open, so it is released afterwards. If that fails while a transaction is
    // still open, the failed work may still be in it: the whole transaction is rolled back rather than let that
    // work be committed with the rest, and the caller sees `isInTransaction` turn false, as after SQLITE_FULL.
    private func undoSavepointIgnoringErrors(_ name: String) {
        do {
            try run("ROLLBACK TRANSACTION TO SAVEPOINT \(name)")
            try run("RELEASE SAVEPOINT \(name)")
        } catch {
            if isInTransaction { rollbackIgnoringErrors() }
        }
    }
}
