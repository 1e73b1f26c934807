/// What a thread keeps in a `ThreadSpecific`, told when the thread ends.
public protocol ThreadEnding: AnyObject {
    /// Called once, on the ending thread itself, after everything else it ran: give back what the thread held.
    func threadEnded()
}
