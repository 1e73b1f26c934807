#ifndef CLINUX_SHIM_H
#define CLINUX_SHIM_H

#include <stdint.h>
#include <sys/epoll.h>
#include <sys/eventfd.h>
#include <sys/socket.h>
#include <sys/resource.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <time.h>
#include <malloc.h>
#include <errno.h>
#include <sys/syscall.h>
#include <unistd.h>
#include <sys/prctl.h>

// Glibc declares accept4 only under _GNU_SOURCE, which the Swift Glibc module is built without.
extern int accept4(int sockfd, struct sockaddr *addr, socklen_t *addrlen, int flags);

// epoll_event is packed on x86_64 and its data is a union; these keep Swift away from both.
static inline int clinux_epoll_ctl(int epfd, int op, int fd, uint32_t events, uint64_t data) {
    struct epoll_event ev;
    ev.events = events;
    ev.data.u64 = data;
    return epoll_ctl(epfd, op, fd, &ev);
}

static inline int clinux_epoll_wait(int epfd, struct epoll_event *events, int max, int timeout) {
    return epoll_wait(epfd, events, max, timeout);
}

static inline uint64_t clinux_event_data(const struct epoll_event *events, int i) {
    return events[i].data.u64;
}

static inline uint32_t clinux_event_flags(const struct epoll_event *events, int i) {
    return events[i].events;
}

static inline size_t clinux_epoll_event_size(void) { return sizeof(struct epoll_event); }

static const int clinux_sock_nonblock_cloexec = SOCK_NONBLOCK | SOCK_CLOEXEC;
static const int clinux_sock_stream = SOCK_STREAM;
static const int clinux_msg_nosignal = MSG_NOSIGNAL;
static const uint32_t clinux_epollin = EPOLLIN;
static const uint32_t clinux_epollout = EPOLLOUT;
static const uint32_t clinux_epollerr = EPOLLERR;
static const uint32_t clinux_epollhup = EPOLLHUP;
static const uint32_t clinux_epollrdhup = EPOLLRDHUP;
static const uint32_t clinux_epollexclusive = EPOLLEXCLUSIVE;
static const int clinux_efd_nonblock_cloexec = EFD_NONBLOCK | EFD_CLOEXEC;

// On Linux a nice value belongs to a thread, named by its kernel id (setpriority(2), NOTES), which Glibc's
// Swift module does not give (gettid is declared only under _GNU_SOURCE).
static inline int clinux_set_thread_nice(int value) {
    return setpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid), value);
}

// Names the calling thread (prctl(2), PR_SET_NAME: at most 15 bytes, the rest cut), as ps -L and top -H show it.
static inline int clinux_set_thread_name(const char *name) {
    return prctl(PR_SET_NAME, (unsigned long)name, 0, 0, 0);
}

// The calling thread's name into `buffer`, which holds at least 16 bytes.
static inline int clinux_thread_name(char *buffer) {
    return prctl(PR_GET_NAME, (unsigned long)buffer, 0, 0, 0);
}

// The calling thread's nice value; -1 is a value too, so errno tells a failure (set to 0 first).
static inline int clinux_thread_nice(void) {
    errno = 0;
    return getpriority(PRIO_PROCESS, (id_t)syscall(SYS_gettid));
}

#endif
