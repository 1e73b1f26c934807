// A webhook receiver for the reminders' bench, fast enough never to be what is measured: one thread,
// epoll, keep-alive, every request answered 200 with an empty body as soon as its body is in. Each
// request is recorded as one line, "ARRIVAL_US PATH BODY", the arrival being the wall clock in
// microseconds when the whole request had arrived (newlines in the body become spaces). A request
// whose path starts with /hang is recorded as well but never answered: its connection stays open
// until the client gives up, as a receiver that hangs would.
//
//   gcc -O2 -o receiver bench/receiver.c
//   receiver OUT PORT_FILE      listens on 127.0.0.1, on a port the kernel picks, written to PORT_FILE
//
// SIGTERM or SIGINT flushes OUT and exits.
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/epoll.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>

#define MAX_REQUEST (1 << 20)

struct connection {
    int fd;
    int hanging;
    size_t used;
    size_t capacity;
    char *buffer;
};

static volatile sig_atomic_t stopping;
static FILE *out;

static void on_signal(int signal_number) {
    (void)signal_number;
    stopping = 1;
}

static long long now_us(void) {
    struct timespec ts;
    clock_gettime(CLOCK_REALTIME, &ts);
    return (long long)ts.tv_sec * 1000000LL + ts.tv_nsec / 1000;
}

static void send_all(int fd, const char *data, size_t length) {
    while (length > 0) {
        ssize_t sent = send(fd, data, length, MSG_NOSIGNAL);
        if (sent < 0) {
            if (errno == EINTR) continue;
            return; // a client gone, or a full socket buffer: the answers here are a few bytes
        }
        data += sent;
        length -= (size_t)sent;
    }
}

// The value of a header field in the head (case-insensitive name), or NULL.
static const char *header(const char *head, size_t head_length, const char *name, size_t *value_length) {
    size_t name_length = strlen(name);
    const char *line = memchr(head, '\n', head_length);
    const char *end = head + head_length;
    while (line && line + 1 < end) {
        line++;
        if ((size_t)(end - line) > name_length && strncasecmp(line, name, name_length) == 0 &&
            line[name_length] == ':') {
            const char *value = line + name_length + 1;
            while (value < end && (*value == ' ' || *value == '\t')) value++;
            const char *stop = value;
            while (stop < end && *stop != '\r' && *stop != '\n') stop++;
            *value_length = (size_t)(stop - value);
            return value;
        }
        line = memchr(line, '\n', (size_t)(end - line));
    }
    return NULL;
}

// Handles every complete request in the buffer; returns 0 to keep the connection, -1 to close it.
static int serve(struct connection *c) {
    static const char ok[] = "HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n";
    static const char go_on[] = "HTTP/1.1 100 Continue\r\n\r\n";
    for (;;) {
        char *head_end = memmem(c->buffer, c->used, "\r\n\r\n", 4);
        if (!head_end) return c->used >= MAX_REQUEST ? -1 : 0;
        size_t head_length = (size_t)(head_end - c->buffer) + 4;
        size_t value_length = 0, body_length = 0;
        const char *value = header(c->buffer, head_length, "content-length", &value_length);
        if (value) body_length = strtoul(value, NULL, 10);
        if (head_length + body_length > MAX_REQUEST) return -1;
        if (c->used < head_length + body_length) {
            // The client waits for a 100 before it sends a body it announced with Expect.
            const char *expect = header(c->buffer, head_length, "expect", &value_length);
            if (expect && c->used == head_length && value_length >= 3 && strncmp(expect, "100", 3) == 0)
                send_all(c->fd, go_on, sizeof go_on - 1);
            return 0;
        }
        long long arrived = now_us();
        char *path = memchr(c->buffer, ' ', head_length);
        char *path_end = path ? memchr(path + 1, ' ', head_length - (size_t)(path + 1 - c->buffer)) : NULL;
        if (!path || !path_end) return -1;
        path++;
        char *body = c->buffer + head_length;
        for (size_t i = 0; i < body_length; i++)
            if (body[i] == '\n' || body[i] == '\r') body[i] = ' ';
        fprintf(out, "%lld %.*s %.*s\n", arrived, (int)(path_end - path), path, (int)body_length, body);
        if (strncmp(path, "/hang", 5) == 0) c->hanging = 1;
        if (!c->hanging) send_all(c->fd, ok, sizeof ok - 1);
        size_t consumed = head_length + body_length;
        memmove(c->buffer, c->buffer + consumed, c->used - consumed);
        c->used -= consumed;
    }
}

int main(int argc, char **argv) {
    if (argc != 3) {
        fprintf(stderr, "usage: %s OUT PORT_FILE\n", argv[0]);
        return 2;
    }
    out = fopen(argv[1], "w");
    if (!out) {
        perror(argv[1]);
        return 1;
    }
    setvbuf(out, NULL, _IOFBF, 1 << 20);
    struct sigaction action = {.sa_handler = on_signal};
    sigaction(SIGTERM, &action, NULL);
    sigaction(SIGINT, &action, NULL);

    int listener = socket(AF_INET, SOCK_STREAM | SOCK_NONBLOCK, 0);
    int one = 1;
    setsockopt(listener, SOL_SOCKET, SO_REUSEADDR, &one, sizeof one);
    struct sockaddr_in address = {.sin_family = AF_INET, .sin_port = 0};
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    socklen_t length = sizeof address;
    if (bind(listener, (struct sockaddr *)&address, sizeof address) != 0 || listen(listener, 1024) != 0 ||
        getsockname(listener, (struct sockaddr *)&address, &length) != 0) {
        perror("listen");
        return 1;
    }
    FILE *port_file = fopen(argv[2], "w");
    if (!port_file) {
        perror(argv[2]);
        return 1;
    }
    fprintf(port_file, "%d\n", ntohs(address.sin_port));
    fclose(port_file);

    int epoll = epoll_create1(0);
    struct epoll_event event = {.events = EPOLLIN, .data.ptr = NULL};
    epoll_ctl(epoll, EPOLL_CTL_ADD, listener, &event);
    struct epoll_event events[64];
    while (!stopping) {
        int ready = epoll_wait(epoll, events, 64, 200);
        for (int i = 0; i < ready; i++) {
            struct connection *c = events[i].data.ptr;
            if (!c) {
                int fd;
                while ((fd = accept4(listener, NULL, NULL, SOCK_NONBLOCK)) >= 0) {
                    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
                    c = calloc(1, sizeof *c);
                    c->fd = fd;
                    c->capacity = 16384;
                    c->buffer = malloc(c->capacity);
                    struct epoll_event add = {.events = EPOLLIN, .data.ptr = c};
                    epoll_ctl(epoll, EPOLL_CTL_ADD, fd, &add);
                }
                continue;
            }
            int close_it = 0;
            for (;;) {
                if (c->used == c->capacity) {
                    if (c->capacity >= MAX_REQUEST) {
                        close_it = 1;
                        break;
                    }
                    c->capacity *= 2;
                    c->buffer = realloc(c->buffer, c->capacity);
                }
                ssize_t got = recv(c->fd, c->buffer + c->used, c->capacity - c->used, 0);
                if (got > 0) {
                    c->used += (size_t)got;
                    continue;
                }
                if (got == 0 || (errno != EAGAIN && errno != EINTR)) close_it = 1;
                if (got < 0 && errno == EINTR) continue;
                break;
            }
            if (!close_it && serve(c) != 0) close_it = 1;
            if (close_it) {
                epoll_ctl(epoll, EPOLL_CTL_DEL, c->fd, NULL);
                close(c->fd);
                free(c->buffer);
                free(c);
            }
        }
        fflush(out);
    }
    fflush(out);
    return 0;
}
