# syntax=docker/dockerfile:1
#
# Two stages: the Swift toolchain builds the binaries with the Swift runtime and Foundation linked in
# statically (notapest, and notapest-https, the helper process it starts beside itself for reminders
# to https:// receivers), and a slim Debian image runs them with nothing but the few shared libraries
# they still need. scripts/check-runtime.sh proves the runtime stage on a plain Debian root, without an engine.
#
#   docker build -t notapest .
#   docker run -d -p 8080:8080 -v notapest-data:/data -e NOTAPEST_TOKEN notapest
#
# (-e NOTAPEST_TOKEN without a value passes the caller's variable through, so the token stays out of
# the command line; NOTAPEST_TOKEN_FILE=/run/secrets/... reads it from a mounted secret instead.)
# A host folder mounted on /data must be writable by uid 10001. Backup while it runs:
#   docker exec CONTAINER notapest backup /data/backup-$(date +%F).sqlite

# Pinned to the toolchain the project is developed and tested with (Swift 6.3.1 on Debian 12), so
# that the image builds the same code the same way; bump it together with the toolchain.
FROM swift:6.3.1-bookworm AS build

# The SQLite target is a system library: the build needs its headers and the linker its .so. The
# reminders' HTTPS helper sends through FoundationNetworking's URLSession, which links the system libcurl.
RUN export DEBIAN_FRONTEND=noninteractive \
    && apt-get update -q \
    && apt-get install -y -q --no-install-recommends libsqlite3-dev libcurl4-openssl-dev \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /src
# Tests is copied only because SwiftPM checks the folder of every target, test targets included,
# when it loads the manifest; none of it is compiled for the product.
COPY Package.swift openapi.yaml ./
COPY Sources ./Sources
COPY Tests ./Tests

# --static-swift-stdlib links the Swift runtime and Foundation into the binaries, so the runtime
# image needs no toolchain; libc, libstdc++, libsqlite3 and (for the helper) libcurl stay dynamic and
# come from Debian. Building the notapest product builds the helper too.
RUN swift build -c release --static-swift-stdlib --product notapest \
    && bin="$(swift build -c release --static-swift-stdlib --show-bin-path)" \
    && install -D -m 0755 "$bin/notapest" /out/notapest \
    && install -D -m 0755 "$bin/notapest-https" /out/notapest-https

FROM debian:bookworm-slim

# Only what the binaries load or read at run time: libsqlite3 (storage); libcurl4, which the HTTPS
# helper's URLSession (FoundationNetworking) sends reminders to https:// receivers through; tzdata, the zone files
# the C library and SQLite's 'localtime' read for TZ (the time_zone setting itself is resolved from
# the ICU zone data linked into the binary, so it does not depend on them); ca-certificates, the
# usual trust store, which libcurl checks https receivers of reminders against.
RUN export DEBIAN_FRONTEND=noninteractive \
    && apt-get update -q \
    && apt-get install -y -q --no-install-recommends libsqlite3-0 libcurl4 tzdata ca-certificates \
    && rm -rf /var/lib/apt/lists/*

# A fixed, numeric non-root identity: volume ownership stays stable across rebuilds, and
# orchestrators that require a non-root user (runAsNonRoot) can check a number. /data is created
# and chowned before VOLUME, because a new volume is seeded from the image with that ownership
# while changes made after the VOLUME line would be discarded.
RUN groupadd --system --gid 10001 notapest \
    && useradd --system --uid 10001 --gid 10001 --home-dir /data --no-create-home \
        --shell /usr/sbin/nologin notapest \
    && mkdir /data \
    && chown 10001:10001 /data \
    && chmod 0750 /data

# The helper must sit beside notapest: the server starts it from its own executable's folder.
COPY --from=build /out/notapest /out/notapest-https /usr/local/bin/

# Listen on every interface inside the container (publishing the port decides who can reach it)
# and keep the database on the volume. The bearer token is never baked in: pass NOTAPEST_TOKEN at
# run time; a non-loopback bind without one is refused unless --insecure-no-auth is given.
ENV NOTAPEST_HOST=0.0.0.0 \
    NOTAPEST_PORT=8080 \
    NOTAPEST_DB=/data/notapest.sqlite

USER 10001:10001
WORKDIR /data
VOLUME /data
EXPOSE 8080

# The image has no curl: the binary probes its own /healthz (unauthenticated) from the same
# environment, and exits 0 or 1 as HEALTHCHECK expects.
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s --retries=3 CMD ["notapest", "healthcheck"]

# The server finishes the requests in flight and closes the database on SIGTERM, then exits 0.
# It waits for the signal with sigwait, so it needs no init process to receive it as PID 1; the one
# child it may start, the HTTPS helper, it reaps itself, and the helper exits when the server does.
STOPSIGNAL SIGTERM
ENTRYPOINT ["notapest"]
CMD ["serve"]
