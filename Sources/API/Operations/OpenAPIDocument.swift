import JSON

// Generated from openapi.yaml by scripts/embed-openapi.sh; do not edit by hand.

/// The OpenAPI document served at GET /openapi.yaml.
enum OpenAPIDocument {
    static let yaml = #"""
        openapi: 3.1.0
        info:
          title: NotAPest
          version: 0.1.0
          summary: Keeps a job seeker persistent, but never a pest.
          description: |
            NotAPest keeps track of a job search: the applications, the people met along the way
            (recruiters, interviewers, hiring managers, referrals) and a dated timeline of every
            contact on each application. Before an outbound contact is recorded, the service holds
            it against a set of hiring-etiquette rules (the guidance, listed by `GET /v1/guidance`):
            a contact that breaks a `block` rule is refused unless the client insists with
            `"force": true`, a contact that strains a `warn` rule is stored with warnings, and the
            `agenda` rules produce the list of things that are due. `POST /v1/applications/{id}/check`
            asks the same question without storing anything.

            ## Conventions

            - Bodies are JSON (UTF-8) with `snake_case` members. A request with a body must say
              `Content-Type: application/json` or another `+json` type (such as
              `application/merge-patch+json`); anything else is answered 415.
            - Ids are positive integers. A path id that is not a positive integer names nothing: 404.
            - Times are RFC 3339 date-times; requests may use any offset, responses always use UTC
              with `Z` (milliseconds only when they are not zero). Dates without a time of day are
              `YYYY-MM-DD`. A time must fall between `0000-01-01T00:00:00Z` and
              `9999-12-31T23:59:59.999Z` once in UTC, where its year has four digits; one that an
              offset carries outside is 400. A time the guidance derives beyond them (a wait from
              the last days of 9999) is written as the nearer of the two, and in the calendar feed
              an event that cannot end after it starts has no `DTEND`.
            - String limits count characters: names and short fields hold at most 200, notes at
              most 10,000.
            - Validation is strict. Malformed JSON, a wrong type, an unknown member, a missing
              required member, an unknown enumeration value, a string over its limit or a badly
              formatted time, date or channel is 400; a well-formed value the service cannot accept
              (an id that names nothing, a setting out of range) is 422. Either way the problem
              document's `errors` names each field at fault, and nothing is written.
            - In the body of a `POST`, `null` for an optional member means the same as leaving it
              out. An integer may also be written with a zero fraction or an exponent
              (`3.0`, `1e2`), as JSON Schema counts those as integers too.
            - Every error is an `application/problem+json` document (RFC 9457) with `type`,
              `title`, `status` and `detail`.
            - Lists answer `{"items": [...], "next_cursor": ...}`. Pass `next_cursor` back as
              `cursor` to get the next page; it is null on the last page. `limit` takes 1 to 200
              (default 50). Unknown query parameters are ignored; an invalid value of a known one
              is 400.
            - Every successful `GET` carries an `ETag` (a stored resource's version, or a hash of
              the body for lists, the agenda, the guidance, the settings and this document) and
              honours `If-None-Match` with 304 and no body, so that integrations can poll cheaply.
              `PATCH` and `DELETE` honour `If-Match`: 412 when it does not list the current tag;
              and `If-None-Match`: 412 when it is `*` or lists the current tag (RFC 9110 §13.1.2).
            - Data responses say `Cache-Control: private, no-cache` (keep, but revalidate with the
              ETag); `/healthz` and anything holding a token say `no-store`.
            - `PATCH` takes a JSON merge patch (RFC 7396): members present replace the stored
              value, `null` clears an optional one, members absent are left alone.
            - `POST` that creates something honours `Idempotency-Key`: a repeat with the same key
              and the same body returns the first response and creates nothing; the same key with
              another body is 422.
            - Request bodies are limited to 1 MiB (413).
            - When the server is configured with a token, every route but `/healthz` and `/readyz`
              needs `Authorization: Bearer <token>`, else 401 with `WWW-Authenticate: Bearer`.
              `Authorization` sent more than once is 400.

            ## Methods not listed here

            `HEAD` works wherever `GET` does (same status and headers, no body) and `OPTIONS` on
            any known path answers 204 with `Allow`; neither is listed as an operation. A known
            path asked with a method it does not offer is answered 405 with `Allow`; an unknown
            path is 404.

            ## Answers from the connection itself

            Before a request reaches its route the server may answer on its own: 400 for a
            malformed request, 408 when a request head is not received in time, 413 for an
            oversized body, 414 for a request target over 8 KiB, 431 for an oversized header
            section, 501 for an unsupported transfer coding, 503 when too many connections are
            open and 505 for an unsupported HTTP version. These are problem documents too.

            A request is decided from its head before any of its body is read: a missing or wrong
            token (401), an unknown path (404), a method the path does not take (405), a declared
            body over the route's limit (413) or a media type the route does not take (415) is
            answered at once, without `100 Continue`. A short body that follows is skipped and the
            connection kept; a longer or chunked one is not read, and the connection closes after
            the answer.

            Without a token, the server answers only requests whose `Host` names it by a loopback
            name (`localhost`, `127.0.0.1`, `[::1]`, any port), by its numeric listen address, or by
            a name it was started with (`--allowed-host`); any other `Host` is 421 (problem type
            `/problems/misdirected-request`). This keeps a web page whose name is rebound to this
            machine from reading or changing the data from the seeker's browser. With a token, any
            `Host` is served.
        tags:
          - name: service
            description: Liveness and this contract.
          - name: contacts
            description: The people met along the way.
          - name: applications
            description: Candidacies, each reached by a route and carrying a status.
          - name: events
            description: |
              The timeline of an application. Outbound events are checked against the guidance
              before they are stored.
          - name: guidance
            description: The etiquette rules, what is due, and the settings the rules read.
          - name: data
            description: The whole data set in and out, the applications for spreadsheets, the agenda for calendars.
        security:
          - {}
          - bearerAuth: []
        paths:
          /healthz:
            get:
              operationId: getHealth
              tags: [service]
              summary: Liveness
              description: |
                Answers as soon as the server can handle requests. It needs no token and is never
                cached.
              security: []
              parameters:
                - $ref: '#/components/parameters/IfNoneMatch'
              responses:
                '200':
                  description: The server is up.
                  headers:
                    ETag:
                      $ref: '#/components/headers/ETag'
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlNoStore'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Health'
                '304':
                  $ref: '#/components/responses/NotModifiedNoStore'
          /openapi.yaml:
            get:
              operationId: getOpenAPIDocument
              tags: [service]
              summary: This contract
              description: The machine-readable description of every route, as served by this server.
              parameters:
                - $ref: '#/components/parameters/IfNoneMatch'
              responses:
                '200':
                  description: The OpenAPI document.
                  headers:
                    ETag:
                      $ref: '#/components/headers/ETag'
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlPrivate'
                  content:
                    application/yaml:
                      schema:
                        description: The document read as YAML is an OpenAPI object.
                        type: object
                        required: [openapi, info, paths]
                '304':
                  $ref: '#/components/responses/NotModified'
                '401':
                  $ref: '#/components/responses/Unauthorized'
          /readyz:
            get:
              operationId: getReadiness
              tags: [service]
              summary: Readiness
              description: |
                Answers 200 when the database answers a query, 503 otherwise. It needs no token and is
                never cached.
              security: []
              responses:
                '200':
                  description: The service and its database are ready.
                  headers:
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlNoStore'
                  content:
                    application/json:
                      schema:
                        type: object
                        additionalProperties: false
                        required: [status]
                        properties:
                          status:
                            type: string
                            const: ready
                '503':
                  description: The database does not answer.
                  content:
                    application/problem+json:
                      schema:
                        $ref: '#/components/schemas/Problem'
          /metrics:
            get:
              operationId: getMetrics
              tags: [service]
              summary: Metrics in Prometheus text format
              description: |
                Counters and gauges in the Prometheus text exposition format 0.0.4:
                `notapest_http_requests_total` by route pattern, method and status, the latency
                histogram `notapest_http_request_duration_seconds` (`_bucket{le="…"}`, `_sum`,
                `_count`), `notapest_open_connections`, time spent in database reads and writes,
                commits, and `notapest_build_info`.
              responses:
                '200':
                  description: The current values.
                  headers:
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlNoStore'
                  content:
                    text/plain:
                      schema:
                        type: string
                '401':
                  $ref: '#/components/responses/Unauthorized'
          /v1/contacts:
            get:
              operationId: listContacts
              tags: [contacts]
              summary: List contacts
              description: Every contact, by id ascending, one page at a time.
              parameters:
                - $ref: '#/components/parameters/Limit'
                - $ref: '#/components/parameters/Cursor'
                - $ref: '#/components/parameters/IfNoneMatch'
              responses:
                '200':
                  description: One page of contacts.
                  headers:
                    ETag:
                      $ref: '#/components/headers/ETag'
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlPrivate'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ContactList'
                '304':
                  $ref: '#/components/responses/NotModified'
                '400':
                  $ref: '#/components/responses/BadRequest'
                '401':
                  $ref: '#/components/responses/Unauthorized'
            post:
              operationId: createContact
              tags: [contacts]
              summary: Create a contact
              description: |
                Records a person. Only `name` is required; business cards collected at interviews
                are a good source for the rest.
              parameters:
                - $ref: '#/components/parameters/IdempotencyKey'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ContactCreate'
              responses:
                '201':
                  description: The contact was created.
                  headers:
                    Location:
                      $ref: '#/components/headers/Location'
                    ETag:
                      $ref: '#/components/headers/ETag'
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlPrivate'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Contact'
                '400':
                  $ref: '#/components/responses/BadRequest'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '415':
                  $ref: '#/components/responses/UnsupportedMediaType'
                '422':
                  $ref: '#/components/responses/IdempotencyKeyReused'
                '507':
                  $ref: '#/components/responses/InsufficientStorage'
          /v1/contacts/{id}:
            parameters:
              - $ref: '#/components/parameters/Id'
            get:
              operationId: getContact
              tags: [contacts]
              summary: Get a contact
              parameters:
                - $ref: '#/components/parameters/IfNoneMatch'
              responses:
                '200':
                  description: The contact.
                  headers:
                    ETag:
                      $ref: '#/components/headers/ETag'
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlPrivate'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Contact'
                '304':
                  $ref: '#/components/responses/NotModified'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '404':
                  $ref: '#/components/responses/NotFound'
            patch:
              operationId: updateContact
              tags: [contacts]
              summary: Change a contact
              description: |
                Applies a JSON merge patch. `name` cannot be cleared; every other field can be set
                to null.
              parameters:
                - $ref: '#/components/parameters/IfMatch'
                - $ref: '#/components/parameters/IfNoneMatchOnChange'
              requestBody:
                required: true
                content:
                  application/merge-patch+json:
                    schema:
                      $ref: '#/components/schemas/ContactPatch'
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ContactPatch'
              responses:
                '200':
                  description: The contact as it now stands.
                  headers:
                    ETag:
                      $ref: '#/components/headers/ETag'
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlPrivate'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Contact'
                '400':
                  $ref: '#/components/responses/BadRequest'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '404':
                  $ref: '#/components/responses/NotFound'
                '412':
                  $ref: '#/components/responses/PreconditionFailed'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '415':
                  $ref: '#/components/responses/UnsupportedMediaType'
                '507':
                  $ref: '#/components/responses/InsufficientStorage'
            delete:
              operationId: deleteContact
              tags: [contacts]
              summary: Delete a contact
              description: |
                Removes a contact nobody refers to. While an application names the contact as its
                recruiter, or an event names it (as the person contacted, the follow-up contact or an
                interviewer), the delete is refused with 409 and `errors` lists every reference,
                such as `applications[3].recruiter_id` or `applications[3].events[12].contact_id`.
              parameters:
                - $ref: '#/components/parameters/IfMatch'
                - $ref: '#/components/parameters/IfNoneMatchOnChange'
              responses:
                '204':
                  description: The contact is gone.
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '404':
                  $ref: '#/components/responses/NotFound'
                '409':
                  $ref: '#/components/responses/ContactInUse'
                '412':
                  $ref: '#/components/responses/PreconditionFailed'
                '507':
                  $ref: '#/components/responses/InsufficientStorage'
          /v1/applications:
            get:
              operationId: listApplications
              tags: [applications]
              summary: List applications
              description: |
                Applications by id ascending, one page at a time. The filters combine: every given
                condition must hold. `next_action` of each item is computed as of `as_of`.
              parameters:
                - $ref: '#/components/parameters/Limit'
                - $ref: '#/components/parameters/Cursor'
                - $ref: '#/components/parameters/StatusFilter'
                - $ref: '#/components/parameters/RouteFilter'
                - $ref: '#/components/parameters/RecruiterIdFilter'
                - $ref: '#/components/parameters/TextFilter'
                - $ref: '#/components/parameters/AsOf'
                - $ref: '#/components/parameters/IfNoneMatch'
              responses:
                '200':
                  description: One page of applications.
                  headers:
                    ETag:
                      $ref: '#/components/headers/ETag'
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlPrivate'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ApplicationList'
                '304':
                  $ref: '#/components/responses/NotModified'
                '400':
                  $ref: '#/components/responses/BadRequest'
                '401':
                  $ref: '#/components/responses/Unauthorized'
            post:
              operationId: createApplication
              tags: [applications]
              summary: Create an application
              description: |
                Records a candidacy. `route` is required. The two recruiter routes
                (`recruiter_submitted`, `recruiter_general`) also require `recruiter_id`: leaving it
                out or null is 400, naming a contact that does not exist is 422.
              parameters:
                - $ref: '#/components/parameters/IdempotencyKey'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ApplicationCreate'
              responses:
                '201':
                  description: The application was created.
                  headers:
                    Location:
                      $ref: '#/components/headers/Location'
                    ETag:
                      $ref: '#/components/headers/ETag'
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlPrivate'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Application'
                '400':
                  $ref: '#/components/responses/BadRequest'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '415':
                  $ref: '#/components/responses/UnsupportedMediaType'
                '422':
                  $ref: '#/components/responses/Unprocessable'
                '507':
                  $ref: '#/components/responses/InsufficientStorage'
          /v1/applications/{id}:
            parameters:
              - $ref: '#/components/parameters/Id'
            get:
              operationId: getApplication
              tags: [applications]
              summary: Get an application
              description: The application, with its `next_action` computed as of `as_of`.
              parameters:
                - $ref: '#/components/parameters/AsOf'
                - $ref: '#/components/parameters/IfNoneMatch'
              responses:
                '200':
                  description: The application.
                  headers:
                    ETag:
                      $ref: '#/components/headers/ETag'
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlPrivate'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Application'
                '304':
                  $ref: '#/components/responses/NotModified'
                '400':
                  $ref: '#/components/responses/BadRequest'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '404':
                  $ref: '#/components/responses/NotFound'
            patch:
              operationId: updateApplication
              tags: [applications]
              summary: Change an application
              description: |
                Applies a JSON merge patch. `route`, `status` and `direct_contact_permitted` cannot
                be cleared: `null` for one of them is 400. The patched application is then validated
                like a new one, except that a recruiter route left without a recruiter is 422, as it
                depends on what is stored as much as on the patch; so is a recruiter that does not
                exist.
              parameters:
                - $ref: '#/components/parameters/IfMatch'
                - $ref: '#/components/parameters/IfNoneMatchOnChange'
              requestBody:
                required: true
                content:
                  application/merge-patch+json:
                    schema:
                      $ref: '#/components/schemas/ApplicationPatch'
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ApplicationPatch'
              responses:
                '200':
                  description: The application as it now stands.
                  headers:
                    ETag:
                      $ref: '#/components/headers/ETag'
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlPrivate'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Application'
                '400':
                  $ref: '#/components/responses/BadRequest'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '404':
                  $ref: '#/components/responses/NotFound'
                '412':
                  $ref: '#/components/responses/PreconditionFailed'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '415':
                  $ref: '#/components/responses/UnsupportedMediaType'
                '422':
                  $ref: '#/components/responses/Unprocessable'
                '507':
                  $ref: '#/components/responses/InsufficientStorage'
            delete:
              operationId: deleteApplication
              tags: [applications]
              summary: Delete an application
              description: |
                Removes the application and its whole timeline. An offer disclosure on another
                application that pointed at it keeps its event, with `other_application_id` now null.
              parameters:
                - $ref: '#/components/parameters/IfMatch'
                - $ref: '#/components/parameters/IfNoneMatchOnChange'
              responses:
                '204':
                  description: The application and its events are gone.
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '404':
                  $ref: '#/components/responses/NotFound'
                '412':
                  $ref: '#/components/responses/PreconditionFailed'
                '507':
                  $ref: '#/components/responses/InsufficientStorage'
          /v1/applications/{id}/events:
            parameters:
              - $ref: '#/components/parameters/Id'
            get:
              operationId: listEvents
              tags: [events]
              summary: List an application's timeline
              description: The application's events, oldest first (by `occurred_at`, then id), one page at a time.
              parameters:
                - $ref: '#/components/parameters/Limit'
                - $ref: '#/components/parameters/EventCursor'
                - $ref: '#/components/parameters/IfNoneMatch'
              responses:
                '200':
                  description: One page of events.
                  headers:
                    ETag:
                      $ref: '#/components/headers/ETag'
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlPrivate'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/EventList'
                '304':
                  $ref: '#/components/responses/NotModified'
                '400':
                  $ref: '#/components/responses/BadRequest'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '404':
                  $ref: '#/components/responses/NotFound'
            post:
              operationId: createEvent
              tags: [events]
              summary: Record an event
              description: |
                Adds an event to the timeline after holding it against the guidance as of its
                `occurred_at`.

                - When it breaks a `block` rule and `force` is not true, nothing is stored: 422 with
                  problem type `/problems/guidance-violation`, listing `violations` and `warnings`.
                - With `"force": true` the event is stored anyway, together with the violations it
                  broke.
                - Broken `warn` rules never stop the event; they come back as `warnings`.

                Some kinds change the application's status: `keep_on_file_request` makes it
                `on_file`, `pass` makes it `passed`, `offer` makes it `offer`.

                An unusual but well-formed `channel` on an outbound event is a matter for the
                `standard-channels` rule (422, or stored with `force`), not a malformed request.
                Directions that ask for follow-up by anything but `letter`, `email` or `phone` are
                refused as invalid (422 naming `follow_up_channel`). Ids that name nothing
                (`contact_id`, `interviewer_ids`, `follow_up_contact_id`, `other_application_id`)
                are 422 naming the field.

                Fields that belong to one kind of event are refused (400, naming the field) on any
                other kind: `interviewer_ids` on `interview`; `follow_up_after`,
                `follow_up_contact_id`, `follow_up_channel` and `decision_expected_by` on
                `directions`; `other_application_id` on `offer_disclosure`. A `null` (or an empty
                `interviewer_ids`) there is fine.
              parameters:
                - $ref: '#/components/parameters/IdempotencyKey'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/EventCreate'
              responses:
                '201':
                  description: The event was stored.
                  headers:
                    Location:
                      $ref: '#/components/headers/Location'
                    ETag:
                      $ref: '#/components/headers/ETag'
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlPrivate'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/EventCreated'
                '400':
                  $ref: '#/components/responses/BadRequest'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '404':
                  $ref: '#/components/responses/NotFound'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '415':
                  $ref: '#/components/responses/UnsupportedMediaType'
                '422':
                  $ref: '#/components/responses/RefusedOrUnprocessable'
                '507':
                  $ref: '#/components/responses/InsufficientStorage'
          /v1/applications/{id}/events/{event_id}:
            parameters:
              - $ref: '#/components/parameters/Id'
              - $ref: '#/components/parameters/EventId'
            get:
              operationId: getEvent
              tags: [events]
              summary: Get an event
              description: One event of the application's timeline; an event of another application is 404.
              parameters:
                - $ref: '#/components/parameters/IfNoneMatch'
              responses:
                '200':
                  description: The event.
                  headers:
                    ETag:
                      $ref: '#/components/headers/ETag'
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlPrivate'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Event'
                '304':
                  $ref: '#/components/responses/NotModified'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '404':
                  $ref: '#/components/responses/NotFound'
            delete:
              operationId: deleteEvent
              tags: [events]
              summary: Delete an event
              description: Removes one event from the timeline, for instance one recorded by mistake.
              parameters:
                - $ref: '#/components/parameters/IfMatch'
                - $ref: '#/components/parameters/IfNoneMatchOnChange'
              responses:
                '204':
                  description: The event is gone.
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '404':
                  $ref: '#/components/responses/NotFound'
                '412':
                  $ref: '#/components/responses/PreconditionFailed'
                '507':
                  $ref: '#/components/responses/InsufficientStorage'
          /v1/applications/{id}/check:
            parameters:
              - $ref: '#/components/parameters/Id'
            post:
              operationId: checkEvent
              tags: [events]
              summary: Ask whether an event would be allowed
              description: |
                A dry run: takes the body of an event to create and answers what the guidance
                would say about it, as of its `occurred_at`, without storing anything. `force` is
                accepted and has no effect. When a follow-up is proposed too early, to the wrong
                person or by the wrong channel, `suggestion` says whom to contact, how and from
                when. An unusual channel is reported as a `standard-channels` violation, not
                refused as a bad request.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/EventCreate'
              responses:
                '200':
                  description: The verdict.
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/CheckResult'
                '400':
                  $ref: '#/components/responses/BadRequest'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '404':
                  $ref: '#/components/responses/NotFound'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '415':
                  $ref: '#/components/responses/UnsupportedMediaType'
                '422':
                  $ref: '#/components/responses/Unprocessable'
          /v1/agenda:
            get:
              operationId: getAgenda
              tags: [guidance]
              summary: What is due
              description: |
                Everything the agenda rules say is due or coming up: thank-you notes, recruiter
                debriefs, directions to record, follow-ups and recruiter check-ins. An item is
                listed when it is already due or becomes due within `horizon_days` of `as_of`.
                Items are ordered by `due_from`, then `application_id`, then `action`.
              parameters:
                - $ref: '#/components/parameters/AsOf'
                - $ref: '#/components/parameters/HorizonDays'
                - $ref: '#/components/parameters/IfNoneMatch'
              responses:
                '200':
                  description: The agenda.
                  headers:
                    ETag:
                      $ref: '#/components/headers/ETag'
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlPrivate'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Agenda'
                '304':
                  $ref: '#/components/responses/NotModified'
                '400':
                  $ref: '#/components/responses/BadRequest'
                '401':
                  $ref: '#/components/responses/Unauthorized'
          /v1/guidance:
            get:
              operationId: getGuidance
              tags: [guidance]
              summary: The rules
              description: |
                Every rule of the guidance, in a fixed order: its stable id, its severity, a short
                explanation, and the current values of the settings it reads.
              parameters:
                - $ref: '#/components/parameters/IfNoneMatch'
              responses:
                '200':
                  description: The rules.
                  headers:
                    ETag:
                      $ref: '#/components/headers/ETag'
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlPrivate'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Guidance'
                '304':
                  $ref: '#/components/responses/NotModified'
                '401':
                  $ref: '#/components/responses/Unauthorized'
          /v1/settings:
            get:
              operationId: getSettings
              tags: [guidance]
              summary: The settings
              description: |
                The time zone in which days and weekends are reckoned, whether waits skip weekends,
                every rule parameter, and the read-only `feed_token`. Because it holds a token, the
                answer is never cached.
              parameters:
                - $ref: '#/components/parameters/IfNoneMatch'
              responses:
                '200':
                  description: The settings.
                  headers:
                    ETag:
                      $ref: '#/components/headers/ETag'
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlNoStore'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Settings'
                '304':
                  $ref: '#/components/responses/NotModifiedNoStore'
                '401':
                  $ref: '#/components/responses/Unauthorized'
            put:
              operationId: replaceSettings
              tags: [guidance]
              summary: Change the settings
              description: |
                Takes the settings object without `feed_token`. Every member is optional: those left
                out keep their current value. An unknown member or a wrong type is 400; a time zone
                IANA does not name or a parameter out of its range is 422 naming the field. Nothing
                changes unless the whole object is valid.
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/SettingsUpdate'
              responses:
                '200':
                  description: The settings as they now stand.
                  headers:
                    ETag:
                      $ref: '#/components/headers/ETag'
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlNoStore'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/Settings'
                '400':
                  $ref: '#/components/responses/BadRequest'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '415':
                  $ref: '#/components/responses/UnsupportedMediaType'
                '422':
                  $ref: '#/components/responses/Unprocessable'
          /v1/settings/feed-token:
            post:
              operationId: rotateFeedToken
              tags: [guidance]
              summary: Replace the calendar feed token
              description: |
                Makes a new read-only feed token for `GET /v1/agenda.ics`; the old one stops working
                once this answers. Never cached. The request takes no fields: send no body, or an
                empty JSON object; any other media type is 415, so an HTML form cannot send it.
                A retry with the same `Idempotency-Key` answers the token the first request made.
              parameters:
                - $ref: '#/components/parameters/IdempotencyKey'
              requestBody:
                required: false
                content:
                  application/json:
                    schema:
                      type: object
                      additionalProperties: false
                      maxProperties: 0
              responses:
                '200':
                  description: The new token.
                  headers:
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlNoStore'
                  content:
                    application/json:
                      schema:
                        type: object
                        additionalProperties: false
                        required: [feed_token]
                        properties:
                          feed_token:
                            type: string
                            pattern: '^[0-9a-f]{32}$'
                '400':
                  $ref: '#/components/responses/BadRequest'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '415':
                  $ref: '#/components/responses/UnsupportedMediaType'
                '422':
                  $ref: '#/components/responses/IdempotencyKeyReused'
          /v1/export:
            get:
              operationId: exportData
              tags: [data]
              summary: Everything, as one document
              description: |
                The whole data set as one JSON document: every contact, application and event
                (each in the shape its own `GET` answers with, ids included, ordered by id) and the
                settings without `feed_token`. All of it is read from one consistent snapshot.
                `POST /v1/import` takes the document back. The `ETag` is a hash of the body, which
                includes `exported_at`.
              parameters:
                - $ref: '#/components/parameters/IfNoneMatch'
              responses:
                '200':
                  description: The document.
                  headers:
                    ETag:
                      $ref: '#/components/headers/ETag'
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlPrivate'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ExportDocument'
                '304':
                  $ref: '#/components/responses/NotModified'
                '401':
                  $ref: '#/components/responses/Unauthorized'
          /v1/import:
            post:
              operationId: importData
              tags: [data]
              summary: Restore a document into an empty database
              description: |
                Stores an export document as it is, ids, times and stored violations included, and
                replaces the settings with its settings (members left out take their defaults; the
                feed token is not imported and stays as it is). Only a database without contacts,
                applications and events takes an import; otherwise the answer is 409. Ids created
                later continue above the largest imported ones.

                The whole document is validated before anything is written, each record by the
                rules of its create route, and nothing is written unless all of it is valid.
                `errors` names each fault by its path, such as `contacts[3].name` or
                `events[0].interviewer_ids[1]` (the index in the document's list). Malformed input
                (a wrong type, a missing member, a time that is not RFC 3339, a `format` other than
                `notapest-export`) is 400; a well-formed document that cannot be stored (an
                unsupported `version`, an id used twice in one list, a reference to an id the
                document does not hold, a setting out of range, an id above 9007199254740991) is 422.
                This route alone takes a body of up to 64 MiB (configurable); larger is 413.

                Ids are at most 2^53 - 1 (9007199254740991), the largest integer a JavaScript number
                holds exactly, so that every client can hold every id; SQLite could go to 2^63 - 1,
                but after that id a table takes no new record at all.

                At most 100 faults are named, the first in the document; reading stops once 100
                malformed ones are known. A record (or the settings, or any other member) holding
                more than 1,000 JSON values is refused (400) and ends the reading: the largest valid
                record holds fewer than 200. The document is read and checked off the threads that
                serve requests, one import at a time; while one is being read or stored another gets
                503 with `Retry-After`.
              parameters:
                - $ref: '#/components/parameters/IdempotencyKey'
              requestBody:
                required: true
                content:
                  application/json:
                    schema:
                      $ref: '#/components/schemas/ExportDocument'
              responses:
                '201':
                  description: Everything was stored; how many of each.
                  headers:
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlPrivate'
                  content:
                    application/json:
                      schema:
                        $ref: '#/components/schemas/ImportResult'
                '400':
                  $ref: '#/components/responses/BadRequest'
                '401':
                  $ref: '#/components/responses/Unauthorized'
                '409':
                  $ref: '#/components/responses/DatabaseNotEmpty'
                '413':
                  $ref: '#/components/responses/ContentTooLarge'
                '415':
                  $ref: '#/components/responses/UnsupportedMediaType'
                '422':
                  $ref: '#/components/responses/Unprocessable'
                '503':
                  $ref: '#/components/responses/ImportBusy'
                '507':
                  $ref: '#/components/responses/InsufficientStorage'
          /v1/applications.csv:
            get:
              operationId: exportApplicationsCSV
              tags: [data]
              summary: Applications for spreadsheets
              description: |
                Every application as comma-separated values (RFC 4180), by id: a header row
                `id,employer,position,route,recruiter_id,direct_contact_permitted,status,notes,created_at,updated_at,unanswered_follow_ups,next_action,next_action_due`,
                then one record per application. Records end with CRLF; a field holding a comma, a
                double quote, CR or LF is enclosed in double quotes, with inner quotes doubled. An
                absent value is an empty field. `next_action` is the action of the application's
                first agenda item as of `as_of`, and `next_action_due` its `due_from`.

                So that opening the file never runs a formula someone typed into a record, a free
                text field (`employer`, `position`, `notes`) that starts with `=`, `+`, `-`, `@`,
                a tab or a carriage return is written with an apostrophe in front; spreadsheets
                then show it as text.
              parameters:
                - $ref: '#/components/parameters/AsOf'
                - $ref: '#/components/parameters/IfNoneMatch'
              responses:
                '200':
                  description: The applications.
                  headers:
                    ETag:
                      $ref: '#/components/headers/ETag'
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlPrivate'
                    Content-Disposition:
                      description: Suggests saving the body as `applications.csv` (RFC 6266).
                      required: true
                      schema:
                        type: string
                        const: attachment; filename="applications.csv"
                  content:
                    text/csv:
                      schema:
                        type: string
                '304':
                  $ref: '#/components/responses/NotModified'
                '400':
                  $ref: '#/components/responses/BadRequest'
                '401':
                  $ref: '#/components/responses/Unauthorized'
          /v1/agenda.ics:
            get:
              operationId: getAgendaCalendar
              tags: [data]
              summary: What is due, as a calendar feed
              description: |
                The agenda of `GET /v1/agenda` (same parameters, same items, same order) as an
                iCalendar document (RFC 5545) that calendar applications can subscribe to: one
                `VEVENT` per item with `DTSTART` its `due_from`, `DTEND` its `due_by` (or 30 minutes
                after `due_from`), `SUMMARY` the action in words and the employer, and
                `DESCRIPTION` the item's message. Every `DTSTAMP` is `as_of`. The `UID` stays the
                same while the item does: it is made of the application id, the action, the rule,
                the contact id and the id of the event the item stems from, as in
                `app3-send_thank_you-thank-you-promptly-c7-e12@notapest` (`c0`, `e0` when there is
                none), so a client updates entries in place. Lines end with CRLF and are folded
                at 75 octets, never inside a UTF-8 character. With nothing due the calendar holds
                no events.
              parameters:
                - $ref: '#/components/parameters/AsOf'
                - $ref: '#/components/parameters/HorizonDays'
                - name: feed_token
                  in: query
                  description: |
                    The read-only token of `GET /v1/settings`, for calendar applications that
                    cannot send an `Authorization` header. Needed only when the server is configured
                    with a token.
                  schema:
                    type: string
                - $ref: '#/components/parameters/IfNoneMatch'
              responses:
                '200':
                  description: The calendar.
                  headers:
                    ETag:
                      $ref: '#/components/headers/ETag'
                    Cache-Control:
                      $ref: '#/components/headers/CacheControlPrivate'
                  content:
                    text/calendar:
                      schema:
                        type: string
                '304':
                  $ref: '#/components/responses/NotModified'
                '400':
                  $ref: '#/components/responses/BadRequest'
                '401':
                  $ref: '#/components/responses/Unauthorized'
        components:
          securitySchemes:
            bearerAuth:
              type: http
              scheme: bearer
              description: |
                Needed only when the server is configured with a token; then every route but
                `/healthz` requires it.
          parameters:
            Id:
              name: id
              in: path
              required: true
              description: The application's or contact's id.
              schema:
                $ref: '#/components/schemas/Id'
            EventId:
              name: event_id
              in: path
              required: true
              description: The event's id.
              schema:
                $ref: '#/components/schemas/Id'
            Limit:
              name: limit
              in: query
              description: The most items one page holds.
              schema:
                type: integer
                minimum: 1
                maximum: 200
                default: 50
            Cursor:
              name: cursor
              in: query
              description: |
                Where to continue: the `next_cursor` of the previous page, passed back unchanged.
                Anything else is 400.
              schema:
                $ref: '#/components/schemas/IdCursor'
            EventCursor:
              name: cursor
              in: query
              description: |
                Where to continue: the `next_cursor` of the previous page, passed back unchanged.
                Anything else is 400.
              schema:
                $ref: '#/components/schemas/EventCursor'
            AsOf:
              name: as_of
              in: query
              description: The instant the guidance is asked about. Default, the time of the request.
              schema:
                type: string
                format: date-time
            HorizonDays:
              name: horizon_days
              in: query
              description: How many days ahead of `as_of` to look for items that become due.
              schema:
                type: integer
                minimum: 0
                maximum: 365
                default: 14
            StatusFilter:
              name: status
              in: query
              description: Only applications with this status.
              schema:
                $ref: '#/components/schemas/ApplicationStatus'
            RouteFilter:
              name: route
              in: query
              description: Only applications reached by this route.
              schema:
                $ref: '#/components/schemas/Route'
            RecruiterIdFilter:
              name: recruiter_id
              in: query
              description: Only applications with this recruiter. An id that names nobody matches nothing.
              schema:
                $ref: '#/components/schemas/Id'
            TextFilter:
              name: q
              in: query
              description: |
                Only applications whose employer or position contains this text, ignoring ASCII case.
                Every character matches only itself: `%`, `_` and a NUL (`%00`) are not wildcards.
              schema:
                type: string
                maxLength: 200
            IfNoneMatch:
              name: If-None-Match
              in: header
              description: |
                Entity tags the client already holds (or `*`). When one matches the current
                representation the answer is 304 without a body (RFC 9110 §13.1.2).
              schema:
                type: string
            IfNoneMatchOnChange:
              name: If-None-Match
              in: header
              description: |
                `*`, or entity tags of versions the change must not be made to. When the resource
                exists and this is `*` or lists its current tag (weak comparison), nothing changes
                and the answer is 412 (RFC 9110 §13.1.2). It is evaluated after `If-Match`.
              schema:
                type: string
            IfMatch:
              name: If-Match
              in: header
              description: |
                Entity tags the change is meant for (or `*`), such as the one `GET` gave. When none
                is the resource's current tag nothing changes and the answer is 412 (RFC 9110 §13.1.1).
              schema:
                type: string
            IdempotencyKey:
              name: Idempotency-Key
              in: header
              description: |
                A key the client chooses for one logical request. Sending the same key with the
                same body again returns the first response and creates nothing; the same key with
                another body is 422. The field must be sent once: two or more are 400.
              schema:
                description: 1 to 200 visible ASCII characters.
                type: string
                pattern: '^[!-~]{1,200}$'
          headers:
            ETag:
              description: The representation's entity tag (RFC 9110 §8.8.3).
              required: true
              schema:
                type: string
                pattern: '^(W/)?"[^"]*"$'
            CacheControlPrivate:
              description: Data may be kept by the client but must be revalidated before reuse.
              required: true
              schema:
                type: string
                const: private, no-cache
            CacheControlNoStore:
              description: The answer must not be stored by any cache.
              required: true
              schema:
                type: string
                const: no-store
            Location:
              description: The path of the resource just created.
              required: true
              schema:
                type: string
                format: uri-reference
            WWWAuthenticate:
              description: The authentication scheme the server expects (RFC 6750 §3).
              required: true
              schema:
                type: string
                pattern: '^Bearer'
            RetryAfter:
              description: Seconds to wait before trying again (RFC 9110 §10.2.3).
              required: true
              schema:
                type: string
                pattern: '^[0-9]+$'
          responses:
            NotModified:
              description: The representation has not changed since the tag the client sent; no body.
              headers:
                ETag:
                  $ref: '#/components/headers/ETag'
                Cache-Control:
                  $ref: '#/components/headers/CacheControlPrivate'
            NotModifiedNoStore:
              description: The representation has not changed since the tag the client sent; no body.
              headers:
                ETag:
                  $ref: '#/components/headers/ETag'
                Cache-Control:
                  $ref: '#/components/headers/CacheControlNoStore'
            BadRequest:
              description: |
                The request is malformed: not JSON, a wrong type, an unknown or missing member, a
                value outside its format or length, or an invalid query parameter. `errors` names
                each field at fault.
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/FieldProblem'
            Unauthorized:
              description: A token is configured and the request did not carry it.
              headers:
                WWW-Authenticate:
                  $ref: '#/components/headers/WWWAuthenticate'
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            NotFound:
              description: Nothing is stored under this id.
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            ContactInUse:
              description: The contact is still referred to; `errors` lists every reference.
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/FieldProblem'
            PreconditionFailed:
              description: |
                `If-Match` does not list the current entity tag, or `If-None-Match` is `*` or lists
                it; nothing changed.
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            ContentTooLarge:
              description: The request body is larger than the server accepts (1 MiB by default).
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            UnsupportedMediaType:
              description: The body is not declared as JSON (`application/json` or a `+json` type).
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            IdempotencyKeyReused:
              description: |
                The `Idempotency-Key` was already used with another request (problem type
                `/problems/idempotency-key-reused`).
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            Unprocessable:
              description: |
                The request is well formed but cannot be carried out: an id names nothing, or a
                value is outside what the service accepts (`errors` names each field), or the
                `Idempotency-Key` was already used with another request.
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            RefusedOrUnprocessable:
              description: |
                Either the guidance refuses the event (problem type `/problems/guidance-violation`,
                with `violations` and `warnings`; send it again with `"force": true` to store it
                anyway), or the request cannot be carried out (`errors` names each field), or the
                `Idempotency-Key` was already used with another request.
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            DatabaseNotEmpty:
              description: |
                The database already holds contacts, applications or events; an import only goes
                into an empty one. Nothing changed.
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            ImportBusy:
              description: |
                Another import is being read or stored; imports run one at a time. Nothing changed;
                try again once that one is answered.
              headers:
                Retry-After:
                  $ref: '#/components/headers/RetryAfter'
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
            InsufficientStorage:
              description: |
                The database cannot store the write (RFC 4918 §11.5): the disk is full, or the
                table has handed out the largest id SQLite can give, 2^63 - 1 (possible only in a
                database that took an import of such an id before imports were limited to
                2^53 - 1). Nothing was written; other writes go on.
              content:
                application/problem+json:
                  schema:
                    $ref: '#/components/schemas/Problem'
          schemas:
            Id:
              description: A stored object's identifier.
              type: integer
              format: int64
              minimum: 1
              maximum: 9223372036854775807
            NullableId:
              anyOf:
                - $ref: '#/components/schemas/Id'
                - type: 'null'
            Instant:
              description: |
                An RFC 3339 date-time, as the server writes it, in UTC with `Z`, from
                `0000-01-01T00:00:00Z` to `9999-12-31T23:59:59.999Z`.
              type: string
              format: date-time
              pattern: '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(\.[0-9]{3})?Z$'
            NullableInstant:
              anyOf:
                - $ref: '#/components/schemas/Instant'
                - type: 'null'
            Day:
              description: A calendar date without a time of day, `YYYY-MM-DD`.
              type: string
              format: date
            NullableDay:
              anyOf:
                - $ref: '#/components/schemas/Day'
                - type: 'null'
            ShortText:
              description: Up to 200 characters, or null.
              type: [string, 'null']
              maxLength: 200
            Notes:
              description: Free text of up to 10,000 characters, or null.
              type: [string, 'null']
              maxLength: 10000
            Channel:
              description: |
                How a contact is made: a lowercase token of 1 to 40 characters (letters, digits,
                `_`, `-`, starting with a letter). The guidance calls `letter`, `email` and `phone`
                standard for contact the seeker makes; interviews may also be `in_person` or `video`.
              type: string
              pattern: '^[a-z][a-z0-9_-]{0,39}$'
            NullableChannel:
              anyOf:
                - $ref: '#/components/schemas/Channel'
                - type: 'null'
            FollowUpChannel:
              description: A standard channel, the only kind directions may ask for.
              type: string
              enum: [letter, email, phone]
            NullableFollowUpChannel:
              anyOf:
                - $ref: '#/components/schemas/FollowUpChannel'
                - type: 'null'
            Health:
              type: object
              required: [status]
              properties:
                status:
                  type: string
                  const: ok
            FieldError:
              description: One field at fault and what is wrong with it.
              type: object
              required: [field, message]
              properties:
                field:
                  description: |
                    Where the fault is: a member name (`occurred_at`), a path into the body
                    (`interviewer_ids[1]`), a query parameter, `body` for the body as a whole, or,
                    for a contact still in use, the reference (`applications[3].recruiter_id`).
                  type: string
                message:
                  type: string
            Problem:
              description: A problem details document (RFC 9457).
              type: object
              required: [type, title, status, detail]
              properties:
                type:
                  description: Identifies the kind of problem, such as `/problems/guidance-violation`.
                  type: string
                  format: uri-reference
                title:
                  type: string
                status:
                  description: The HTTP status of the response.
                  type: integer
                  minimum: 400
                  maximum: 599
                detail:
                  description: What went wrong in this occurrence, for a person.
                  type: string
                errors:
                  description: Each field at fault (400, 409 and 422 from validation).
                  type: array
                  items:
                    $ref: '#/components/schemas/FieldError'
                violations:
                  description: The `block` rules the refused event breaks (422 from the guidance).
                  type: array
                  items:
                    $ref: '#/components/schemas/Finding'
                warnings:
                  description: The `warn` rules the refused event strains as well (422 from the guidance).
                  type: array
                  items:
                    $ref: '#/components/schemas/Finding'
            FieldProblem:
              description: A problem document that names the fields at fault.
              allOf:
                - $ref: '#/components/schemas/Problem'
                - required: [errors]
            RuleId:
              description: The stable id of a guidance rule.
              type: string
              enum:
                - wait-before-follow-up
                - follow-up-gap
                - follow-up-limit
                - through-the-recruiter
                - follow-directions
                - no-contact-after-pass
                - no-persuasion-after-pass
                - standard-channels
                - real-offers-only
                - disclose-via-route
                - no-pressure-tactics
                - referral-before-decision
                - recruiter-touch-base
                - resume-resend-needs-update
                - on-file-rest
                - thank-you-promptly
                - debrief-recruiter
                - record-directions
            Severity:
              description: |
                How a rule acts: `block` refuses the event (unless forced), `warn` stores it with a
                warning, `agenda` lists what is due.
              type: string
              enum: [block, warn, agenda]
            ParameterName:
              description: The name of a numeric rule parameter, as the settings name it.
              type: string
              enum:
                - wait_days_posted_opening
                - wait_days_unsolicited
                - wait_days_recruiter
                - follow_up_gap_days
                - max_unanswered_follow_ups
                - recruiter_touch_base_days
                - thank_you_due_hours
                - debrief_due_hours
                - directions_due_hours
            Finding:
              description: One rule an event breaks (a violation) or strains (a warning), explained.
              type: object
              additionalProperties: false
              required: [rule, severity, message]
              properties:
                rule:
                  $ref: '#/components/schemas/RuleId'
                severity:
                  $ref: '#/components/schemas/Severity'
                message:
                  description: What the rule asks of this event, for a person; never blank.
                  type: string
                  maxLength: 10000
                  pattern: '[^ \t\n\r]'
            ContactName:
              description: |
                How the person is called: up to 200 characters, not blank (at least one character
                other than a space, a tab or a line break).
              type: string
              maxLength: 200
              pattern: '[^ \t\n\r]'
            ContactRole:
              type: string
              enum: [recruiter, interviewer, hiring_manager, referral, other]
            NullableContactRole:
              anyOf:
                - $ref: '#/components/schemas/ContactRole'
                - type: 'null'
            Contact:
              description: A person met during the search.
              type: object
              additionalProperties: false
              required: [id, name, title, organization, email, phone, role, notes, created_at, updated_at]
              properties:
                id:
                  $ref: '#/components/schemas/Id'
                name:
                  $ref: '#/components/schemas/ContactName'
                title:
                  $ref: '#/components/schemas/ShortText'
                organization:
                  $ref: '#/components/schemas/ShortText'
                email:
                  $ref: '#/components/schemas/ShortText'
                phone:
                  $ref: '#/components/schemas/ShortText'
                role:
                  $ref: '#/components/schemas/NullableContactRole'
                notes:
                  $ref: '#/components/schemas/Notes'
                created_at:
                  $ref: '#/components/schemas/Instant'
                updated_at:
                  $ref: '#/components/schemas/Instant'
            ContactCreate:
              type: object
              additionalProperties: false
              required: [name]
              properties:
                name:
                  $ref: '#/components/schemas/ContactName'
                title:
                  $ref: '#/components/schemas/ShortText'
                organization:
                  $ref: '#/components/schemas/ShortText'
                email:
                  $ref: '#/components/schemas/ShortText'
                phone:
                  $ref: '#/components/schemas/ShortText'
                role:
                  $ref: '#/components/schemas/NullableContactRole'
                notes:
                  $ref: '#/components/schemas/Notes'
            ContactPatch:
              description: A merge patch of a contact; `name` cannot be null.
              type: object
              additionalProperties: false
              properties:
                name:
                  $ref: '#/components/schemas/ContactName'
                title:
                  $ref: '#/components/schemas/ShortText'
                organization:
                  $ref: '#/components/schemas/ShortText'
                email:
                  $ref: '#/components/schemas/ShortText'
                phone:
                  $ref: '#/components/schemas/ShortText'
                role:
                  $ref: '#/components/schemas/NullableContactRole'
                notes:
                  $ref: '#/components/schemas/Notes'
            ContactList:
              type: object
              required: [items, next_cursor]
              properties:
                items:
                  type: array
                  items:
                    $ref: '#/components/schemas/Contact'
                next_cursor:
                  $ref: '#/components/schemas/NextCursor'
            NextCursor:
              description: Pass back as `cursor` for the next page; null on the last page.
              type: [string, 'null']
            IdCursor:
              description: |
                A cursor of the contacts or applications list: `c` and 16 lowercase hex digits.
                Clients need not read it; they pass back what they were given.
              type: string
              pattern: '^c[0-9a-f]{16}$'
            EventCursor:
              description: |
                A cursor of an application's timeline: `c`, 16 lowercase hex digits, `_` and 16 more.
                Clients need not read it; they pass back what they were given.
              type: string
              pattern: '^c[0-9a-f]{16}_[0-9a-f]{16}$'
            Route:
              description: |
                How the application reached the employer: `posted_opening` (answering an advertised
                opening), `unsolicited` (a resume sent with no opening advertised),
                `recruiter_submitted` (a recruiter put the seeker forward) or `recruiter_general`
                (the resume sits with a recruiter, no search under way).
              type: string
              enum: [posted_opening, unsolicited, recruiter_submitted, recruiter_general]
            ApplicationStatus:
              type: string
              enum: [active, on_file, passed, offer, accepted, withdrawn]
            Application:
              description: One candidacy.
              type: object
              required:
                - id
                - employer
                - position
                - route
                - recruiter_id
                - direct_contact_permitted
                - status
                - notes
                - created_at
                - updated_at
                - next_action
                - unanswered_follow_ups
              properties:
                id:
                  $ref: '#/components/schemas/Id'
                employer:
                  $ref: '#/components/schemas/ShortText'
                position:
                  $ref: '#/components/schemas/ShortText'
                route:
                  $ref: '#/components/schemas/Route'
                recruiter_id:
                  $ref: '#/components/schemas/NullableId'
                direct_contact_permitted:
                  description: Whether the recruiter allowed the seeker to contact the employer's people directly.
                  type: boolean
                status:
                  $ref: '#/components/schemas/ApplicationStatus'
                notes:
                  $ref: '#/components/schemas/Notes'
                created_at:
                  $ref: '#/components/schemas/Instant'
                updated_at:
                  $ref: '#/components/schemas/Instant'
                next_action:
                  description: The first agenda item of this application as of `as_of`, or null when nothing is due.
                  anyOf:
                    - $ref: '#/components/schemas/AgendaItem'
                    - type: 'null'
                unanswered_follow_ups:
                  description: Follow-ups sent since the last answer of any kind.
                  type: integer
                  minimum: 0
              allOf:
                - $ref: '#/components/schemas/RecruiterRouteNeedsRecruiter'
            StoredApplication:
              description: An application as stored, without what the guidance computes from it.
              type: object
              additionalProperties: false
              required:
                - id
                - employer
                - position
                - route
                - recruiter_id
                - direct_contact_permitted
                - status
                - notes
                - created_at
                - updated_at
              properties:
                id:
                  $ref: '#/components/schemas/Id'
                employer:
                  $ref: '#/components/schemas/ShortText'
                position:
                  $ref: '#/components/schemas/ShortText'
                route:
                  $ref: '#/components/schemas/Route'
                recruiter_id:
                  $ref: '#/components/schemas/NullableId'
                direct_contact_permitted:
                  type: boolean
                status:
                  $ref: '#/components/schemas/ApplicationStatus'
                notes:
                  $ref: '#/components/schemas/Notes'
                created_at:
                  $ref: '#/components/schemas/Instant'
                updated_at:
                  $ref: '#/components/schemas/Instant'
              allOf:
                - $ref: '#/components/schemas/RecruiterRouteNeedsRecruiter'
            ExportDocument:
              description: |
                The whole data set. Contacts, applications and events keep their ids and are ordered
                by id; events carry their stored `forced` and `violations`. An import takes the same
                document; there `exported_at` may be left out, and a record's optional members may be
                too, as on its create route.
              type: object
              additionalProperties: false
              required: [format, version, settings, contacts, applications, events]
              properties:
                format:
                  type: string
                  const: notapest-export
                version:
                  description: The version of this document's shape; this server reads and writes 1.
                  type: integer
                  const: 1
                exported_at:
                  $ref: '#/components/schemas/Instant'
                settings:
                  description: The settings, as `GET /v1/settings` shows them but without `feed_token`.
                  $ref: '#/components/schemas/SettingsUpdate'
                contacts:
                  type: array
                  items:
                    $ref: '#/components/schemas/Contact'
                applications:
                  type: array
                  items:
                    $ref: '#/components/schemas/StoredApplication'
                events:
                  type: array
                  items:
                    $ref: '#/components/schemas/Event'
            ImportResult:
              description: How many records an import stored.
              type: object
              required: [contacts, applications, events]
              properties:
                contacts:
                  type: integer
                  minimum: 0
                applications:
                  type: integer
                  minimum: 0
                events:
                  type: integer
                  minimum: 0
            ApplicationCreate:
              type: object
              additionalProperties: false
              required: [route]
              properties:
                employer:
                  $ref: '#/components/schemas/ShortText'
                position:
                  $ref: '#/components/schemas/ShortText'
                route:
                  $ref: '#/components/schemas/Route'
                recruiter_id:
                  description: The recruiter's contact id; required on the two recruiter routes.
                  anyOf:
                    - $ref: '#/components/schemas/Id'
                    - type: 'null'
                direct_contact_permitted:
                  type: [boolean, 'null']
                  default: false
                status:
                  anyOf:
                    - $ref: '#/components/schemas/ApplicationStatus'
                    - type: 'null'
                  default: active
                notes:
                  $ref: '#/components/schemas/Notes'
              allOf:
                - $ref: '#/components/schemas/RecruiterRouteNeedsRecruiter'
            RecruiterRouteNeedsRecruiter:
              description: An application on one of the two recruiter routes names its recruiter.
              if:
                required: [route]
                properties:
                  route:
                    enum: [recruiter_submitted, recruiter_general]
              then:
                required: [recruiter_id]
                properties:
                  recruiter_id:
                    $ref: '#/components/schemas/Id'
            ApplicationPatch:
              description: A merge patch of an application; `route`, `status` and `direct_contact_permitted` cannot be null.
              type: object
              additionalProperties: false
              properties:
                employer:
                  $ref: '#/components/schemas/ShortText'
                position:
                  $ref: '#/components/schemas/ShortText'
                route:
                  $ref: '#/components/schemas/Route'
                recruiter_id:
                  $ref: '#/components/schemas/NullableId'
                direct_contact_permitted:
                  type: boolean
                status:
                  $ref: '#/components/schemas/ApplicationStatus'
                notes:
                  $ref: '#/components/schemas/Notes'
            ApplicationList:
              type: object
              required: [items, next_cursor]
              properties:
                items:
                  type: array
                  items:
                    $ref: '#/components/schemas/Application'
                next_cursor:
                  $ref: '#/components/schemas/NextCursor'
            EventKind:
              description: |
                What happened. Outbound (checked against the guidance): `resume_sent`,
                `follow_up`, `thank_you`, `debrief`, `touch_base`, `keep_on_file_request`,
                `offer_disclosure`. Inbound: `response`, `directions`, `pass`, `offer`. Also
                `interview`, `referral_endorsement` (someone else's good word, also checked) and
                `note`.
              type: string
              enum:
                - resume_sent
                - follow_up
                - response
                - interview
                - directions
                - thank_you
                - debrief
                - touch_base
                - keep_on_file_request
                - pass
                - offer
                - offer_disclosure
                - referral_endorsement
                - note
            Event:
              description: One dated entry on an application's timeline.
              type: object
              additionalProperties: false
              required:
                - id
                - application_id
                - kind
                - occurred_at
                - contact_id
                - channel
                - note
                - interviewer_ids
                - follow_up_after
                - follow_up_contact_id
                - follow_up_channel
                - decision_expected_by
                - other_application_id
                - forced
                - violations
                - created_at
              properties:
                id:
                  $ref: '#/components/schemas/Id'
                application_id:
                  $ref: '#/components/schemas/Id'
                kind:
                  $ref: '#/components/schemas/EventKind'
                occurred_at:
                  $ref: '#/components/schemas/Instant'
                contact_id:
                  $ref: '#/components/schemas/NullableId'
                channel:
                  $ref: '#/components/schemas/NullableChannel'
                note:
                  $ref: '#/components/schemas/Notes'
                interviewer_ids:
                  type: array
                  maxItems: 50
                  uniqueItems: true
                  items:
                    $ref: '#/components/schemas/Id'
                follow_up_after:
                  $ref: '#/components/schemas/NullableDay'
                follow_up_contact_id:
                  $ref: '#/components/schemas/NullableId'
                follow_up_channel:
                  $ref: '#/components/schemas/NullableFollowUpChannel'
                decision_expected_by:
                  $ref: '#/components/schemas/NullableDay'
                other_application_id:
                  $ref: '#/components/schemas/NullableId'
                forced:
                  description: Whether the event was recorded with `force`.
                  type: boolean
                violations:
                  description: The `block` rules the event broke when it was forced; empty otherwise.
                  type: array
                  maxItems: 18
                  items:
                    $ref: '#/components/schemas/Finding'
                created_at:
                  $ref: '#/components/schemas/Instant'
              allOf:
                - $ref: '#/components/schemas/KindOnlyMembers'
            EventCreate:
              description: An event to record, or to check.
              type: object
              additionalProperties: false
              required: [kind, occurred_at]
              allOf:
                - $ref: '#/components/schemas/KindOnlyMembers'
              properties:
                kind:
                  $ref: '#/components/schemas/EventKind'
                occurred_at:
                  description: When the event takes or took place; the guidance judges it as of this instant.
                  type: string
                  format: date-time
                contact_id:
                  description: The person contacted; null for the usual recipient (the recruiter on recruiter routes).
                  anyOf:
                    - $ref: '#/components/schemas/Id'
                    - type: 'null'
                channel:
                  $ref: '#/components/schemas/NullableChannel'
                note:
                  $ref: '#/components/schemas/Notes'
                interviewer_ids:
                  description: For an interview, the people who interviewed the seeker.
                  type: [array, 'null']
                  default: []
                  maxItems: 50
                  uniqueItems: true
                  items:
                    $ref: '#/components/schemas/Id'
                follow_up_after:
                  description: For directions, the date from which to follow up.
                  anyOf:
                    - $ref: '#/components/schemas/Day'
                    - type: 'null'
                follow_up_contact_id:
                  description: For directions, whom to follow up with.
                  anyOf:
                    - $ref: '#/components/schemas/Id'
                    - type: 'null'
                follow_up_channel:
                  description: For directions, how to follow up.
                  anyOf:
                    - $ref: '#/components/schemas/FollowUpChannel'
                    - type: 'null'
                decision_expected_by:
                  description: For directions, when they expect to decide.
                  anyOf:
                    - $ref: '#/components/schemas/Day'
                    - type: 'null'
                other_application_id:
                  description: For an offer disclosure, the application that holds the offer.
                  anyOf:
                    - $ref: '#/components/schemas/Id'
                    - type: 'null'
                force:
                  description: Store the event even though it breaks `block` rules, together with what it broke.
                  type: [boolean, 'null']
                  default: false
            KindOnlyMembers:
              description: |
                Members that belong to one kind of event: `interviewer_ids` to `interview`;
                `follow_up_after`, `follow_up_contact_id`, `follow_up_channel` and
                `decision_expected_by` to `directions`; `other_application_id` to
                `offer_disclosure`. On an event of any other kind they are left out, null, or (the
                list) empty.
              allOf:
                - if:
                    properties:
                      kind:
                        const: interview
                  else:
                    properties:
                      interviewer_ids:
                        maxItems: 0
                - if:
                    properties:
                      kind:
                        const: directions
                  else:
                    properties:
                      follow_up_after:
                        type: 'null'
                      follow_up_contact_id:
                        type: 'null'
                      follow_up_channel:
                        type: 'null'
                      decision_expected_by:
                        type: 'null'
                - if:
                    properties:
                      kind:
                        const: offer_disclosure
                  else:
                    properties:
                      other_application_id:
                        type: 'null'
            EventCreated:
              description: |
                The stored event, member for member as `Event` describes it, with the warnings the
                guidance gave.
              type: object
              additionalProperties: false
              required:
                - id
                - application_id
                - kind
                - occurred_at
                - contact_id
                - channel
                - note
                - interviewer_ids
                - follow_up_after
                - follow_up_contact_id
                - follow_up_channel
                - decision_expected_by
                - other_application_id
                - forced
                - violations
                - created_at
                - warnings
              properties:
                id:
                  $ref: '#/components/schemas/Event/properties/id'
                application_id:
                  $ref: '#/components/schemas/Event/properties/application_id'
                kind:
                  $ref: '#/components/schemas/Event/properties/kind'
                occurred_at:
                  $ref: '#/components/schemas/Event/properties/occurred_at'
                contact_id:
                  $ref: '#/components/schemas/Event/properties/contact_id'
                channel:
                  $ref: '#/components/schemas/Event/properties/channel'
                note:
                  $ref: '#/components/schemas/Event/properties/note'
                interviewer_ids:
                  $ref: '#/components/schemas/Event/properties/interviewer_ids'
                follow_up_after:
                  $ref: '#/components/schemas/Event/properties/follow_up_after'
                follow_up_contact_id:
                  $ref: '#/components/schemas/Event/properties/follow_up_contact_id'
                follow_up_channel:
                  $ref: '#/components/schemas/Event/properties/follow_up_channel'
                decision_expected_by:
                  $ref: '#/components/schemas/Event/properties/decision_expected_by'
                other_application_id:
                  $ref: '#/components/schemas/Event/properties/other_application_id'
                forced:
                  $ref: '#/components/schemas/Event/properties/forced'
                violations:
                  $ref: '#/components/schemas/Event/properties/violations'
                created_at:
                  $ref: '#/components/schemas/Event/properties/created_at'
                warnings:
                  description: The `warn` rules the event strains.
                  type: array
                  items:
                    $ref: '#/components/schemas/Finding'
              allOf:
                - $ref: '#/components/schemas/KindOnlyMembers'
            EventList:
              type: object
              required: [items, next_cursor]
              properties:
                items:
                  type: array
                  items:
                    $ref: '#/components/schemas/Event'
                next_cursor:
                  $ref: '#/components/schemas/NextCursor'
            Suggestion:
              description: What to do instead of a refused event.
              type: object
              required: [contact_id, channel, at]
              properties:
                contact_id:
                  $ref: '#/components/schemas/NullableId'
                channel:
                  type: [string, 'null']
                at:
                  $ref: '#/components/schemas/Instant'
            CheckResult:
              description: The guidance's verdict on a proposed event.
              type: object
              required: [allowed, earliest_allowed_at, violations, warnings, suggestion]
              properties:
                allowed:
                  description: False exactly when at least one `block` rule is broken.
                  type: boolean
                earliest_allowed_at:
                  description: For a follow-up, the earliest instant the timing rules allow one; otherwise null.
                  $ref: '#/components/schemas/NullableInstant'
                violations:
                  type: array
                  items:
                    $ref: '#/components/schemas/Finding'
                warnings:
                  type: array
                  items:
                    $ref: '#/components/schemas/Finding'
                suggestion:
                  anyOf:
                    - $ref: '#/components/schemas/Suggestion'
                    - type: 'null'
            AgendaAction:
              type: string
              enum: [send_thank_you, debrief_recruiter, record_directions, follow_up, touch_base]
            AgendaItem:
              description: One thing to do, from when, and for whom.
              type: object
              required: [application_id, action, rule, contact_id, channel, due_from, due_by, overdue, message]
              properties:
                application_id:
                  $ref: '#/components/schemas/Id'
                action:
                  $ref: '#/components/schemas/AgendaAction'
                rule:
                  description: The rule that made the item due; for a follow-up, the rule that set its time.
                  $ref: '#/components/schemas/RuleId'
                contact_id:
                  description: Whom to contact; null when nobody is to be contacted or nobody is known.
                  $ref: '#/components/schemas/NullableId'
                channel:
                  description: The suggested channel, or null.
                  type: [string, 'null']
                due_from:
                  $ref: '#/components/schemas/Instant'
                due_by:
                  description: When the item becomes overdue; null for follow-ups and check-ins.
                  $ref: '#/components/schemas/NullableInstant'
                overdue:
                  description: Whether `due_by` is set and already past at `as_of`.
                  type: boolean
                message:
                  description: What to do and why, for a person.
                  type: string
            Agenda:
              type: object
              required: [as_of, horizon_days, items]
              properties:
                as_of:
                  $ref: '#/components/schemas/Instant'
                horizon_days:
                  type: integer
                  minimum: 0
                  maximum: 365
                items:
                  type: array
                  items:
                    $ref: '#/components/schemas/AgendaItem'
            GuidanceRule:
              type: object
              required: [id, severity, summary, parameters]
              properties:
                id:
                  $ref: '#/components/schemas/RuleId'
                severity:
                  $ref: '#/components/schemas/Severity'
                summary:
                  description: What the rule asks and why.
                  type: string
                parameters:
                  description: The settings the rule reads, by name, with their current values.
                  type: object
                  propertyNames:
                    $ref: '#/components/schemas/ParameterName'
                  additionalProperties:
                    type: integer
            Guidance:
              type: object
              required: [rules]
              properties:
                rules:
                  type: array
                  minItems: 18
                  maxItems: 18
                  items:
                    $ref: '#/components/schemas/GuidanceRule'
            Settings:
              description: The settings the rules read, and the calendar feed's token.
              type: object
              required:
                - time_zone
                - skip_weekends
                - wait_days_posted_opening
                - wait_days_unsolicited
                - wait_days_recruiter
                - follow_up_gap_days
                - max_unanswered_follow_ups
                - recruiter_touch_base_days
                - thank_you_due_hours
                - debrief_due_hours
                - directions_due_hours
                - feed_token
              properties:
                time_zone:
                  $ref: '#/components/schemas/TimeZoneSetting'
                skip_weekends:
                  $ref: '#/components/schemas/SkipWeekendsSetting'
                wait_days_posted_opening:
                  $ref: '#/components/schemas/WaitDaysPostedOpening'
                wait_days_unsolicited:
                  $ref: '#/components/schemas/WaitDaysUnsolicited'
                wait_days_recruiter:
                  $ref: '#/components/schemas/WaitDaysRecruiter'
                follow_up_gap_days:
                  $ref: '#/components/schemas/FollowUpGapDays'
                max_unanswered_follow_ups:
                  $ref: '#/components/schemas/MaxUnansweredFollowUps'
                recruiter_touch_base_days:
                  $ref: '#/components/schemas/RecruiterTouchBaseDays'
                thank_you_due_hours:
                  $ref: '#/components/schemas/ThankYouDueHours'
                debrief_due_hours:
                  $ref: '#/components/schemas/DebriefDueHours'
                directions_due_hours:
                  $ref: '#/components/schemas/DirectionsDueHours'
                feed_token:
                  description: The read-only token a calendar client may pass instead of the `Authorization` header.
                  type: string
                  minLength: 1
            SettingsUpdate:
              description: New values for some or all settings; members left out keep their value.
              type: object
              additionalProperties: false
              properties:
                time_zone:
                  $ref: '#/components/schemas/TimeZoneSetting'
                skip_weekends:
                  $ref: '#/components/schemas/SkipWeekendsSetting'
                wait_days_posted_opening:
                  $ref: '#/components/schemas/WaitDaysPostedOpening'
                wait_days_unsolicited:
                  $ref: '#/components/schemas/WaitDaysUnsolicited'
                wait_days_recruiter:
                  $ref: '#/components/schemas/WaitDaysRecruiter'
                follow_up_gap_days:
                  $ref: '#/components/schemas/FollowUpGapDays'
                max_unanswered_follow_ups:
                  $ref: '#/components/schemas/MaxUnansweredFollowUps'
                recruiter_touch_base_days:
                  $ref: '#/components/schemas/RecruiterTouchBaseDays'
                thank_you_due_hours:
                  $ref: '#/components/schemas/ThankYouDueHours'
                debrief_due_hours:
                  $ref: '#/components/schemas/DebriefDueHours'
                directions_due_hours:
                  $ref: '#/components/schemas/DirectionsDueHours'
            TimeZoneSetting:
              description: |
                The IANA time zone (such as `Europe/Berlin`) in which days, local midnights and
                weekends are reckoned.
              type: string
              default: UTC
              examples: [UTC, America/Chicago]
            SkipWeekendsSetting:
              description: Whether a wait that would end on a Saturday or Sunday moves on to the Monday.
              type: boolean
              default: true
            WaitDaysPostedOpening:
              description: Days to wait before the first follow-up after answering a posted opening.
              type: integer
              minimum: 0
              maximum: 365
              default: 7
            WaitDaysUnsolicited:
              description: Days to wait before the first follow-up after an unsolicited resume.
              type: integer
              minimum: 0
              maximum: 365
              default: 14
            WaitDaysRecruiter:
              description: Days to wait before the first follow-up after a resume went to or through a recruiter.
              type: integer
              minimum: 0
              maximum: 365
              default: 7
            FollowUpGapDays:
              description: Days to leave between two follow-ups that got no answer.
              type: integer
              minimum: 0
              maximum: 365
              default: 7
            MaxUnansweredFollowUps:
              description: How many unanswered follow-ups are allowed before the guidance says stop.
              type: integer
              minimum: 1
              maximum: 20
              default: 3
            RecruiterTouchBaseDays:
              description: The least number of days between two check-ins with a recruiter.
              type: integer
              minimum: 0
              maximum: 365
              default: 30
            ThankYouDueHours:
              description: Hours after an interview until a missing thank-you note is overdue.
              type: integer
              minimum: 1
              maximum: 720
              default: 24
            DebriefDueHours:
              description: Hours after an interview until a missing recruiter debrief is overdue.
              type: integer
              minimum: 1
              maximum: 720
              default: 24
            DirectionsDueHours:
              description: Hours after an interview until unrecorded directions are overdue.
              type: integer
              minimum: 1
              maximum: 720
              default: 48
        """#
}
