/*
 * Raw SQLite on this machine, the baseline for the storage benchmark: point reads by key on one
 * connection, and one insert per transaction at synchronous=FULL in WAL mode — what a server
 * that commits every request on its own could reach at best.
 *
 * usage: sqlite_raw DB_PATH SECONDS
 */
#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void check(int rc, sqlite3 *db, const char *what) {
    if (rc != SQLITE_OK && rc != SQLITE_DONE && rc != SQLITE_ROW) {
        fprintf(stderr, "%s: %s\n", what, sqlite3_errmsg(db));
        exit(1);
    }
}

int main(int argc, char **argv) {
    if (argc < 3) {
        fprintf(stderr, "usage: %s DB SECONDS\n", argv[0]);
        return 2;
    }
    double seconds = atof(argv[2]);
    sqlite3 *db;
    check(sqlite3_open(argv[1], &db), db, "open");
    check(sqlite3_exec(db, "PRAGMA journal_mode=WAL; PRAGMA synchronous=FULL;"
                           "CREATE TABLE IF NOT EXISTS t(id INTEGER PRIMARY KEY, employer TEXT, position TEXT, body TEXT);",
                       0, 0, 0), db, "schema");
    check(sqlite3_exec(db, "BEGIN", 0, 0, 0), db, "begin");
    sqlite3_stmt *ins;
    check(sqlite3_prepare_v2(db, "INSERT INTO t(employer, position, body) VALUES (?, ?, ?)", -1, &ins, 0), db, "prep");
    for (int i = 0; i < 10000; i++) {
        sqlite3_bind_text(ins, 1, "Example Corp", -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 2, "Engineer", -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 3, "a few words of notes about the application", -1, SQLITE_STATIC);
        check(sqlite3_step(ins), db, "seed");
        sqlite3_reset(ins);
    }
    check(sqlite3_exec(db, "COMMIT", 0, 0, 0), db, "commit");

    sqlite3_stmt *get;
    check(sqlite3_prepare_v2(db, "SELECT id, employer, position, body FROM t WHERE id = ?", -1, &get, 0), db, "prep");
    long reads = 0;
    double start = now(), stop = start + seconds;
    unsigned seed = 1;
    while (now() < stop) {
        for (int i = 0; i < 1000; i++) {
            sqlite3_bind_int64(get, 1, 1 + rand_r(&seed) % 10000);
            check(sqlite3_step(get), db, "read");
            sqlite3_reset(get);
        }
        reads += 1000;
    }
    double readRate = reads / (now() - start);

    long writes = 0;
    start = now();
    stop = start + seconds;
    while (now() < stop) {
        check(sqlite3_exec(db, "BEGIN IMMEDIATE", 0, 0, 0), db, "begin");
        sqlite3_bind_text(ins, 1, "Example Corp", -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 2, "Engineer", -1, SQLITE_STATIC);
        sqlite3_bind_text(ins, 3, "a follow-up by email", -1, SQLITE_STATIC);
        check(sqlite3_step(ins), db, "insert");
        sqlite3_reset(ins);
        check(sqlite3_exec(db, "COMMIT", 0, 0, 0), db, "commit");
        writes++;
    }
    double writeRate = writes / (now() - start);
    printf("%.0f %.0f\n", readRate, writeRate);
    sqlite3_finalize(get);
    sqlite3_finalize(ins);
    sqlite3_close(db);
    return 0;
}
