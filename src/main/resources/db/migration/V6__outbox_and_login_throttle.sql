-- Every message Emporium sends is first written here, in the transaction that makes the change it describes, and
-- sent to the broker afterwards by OutboxRelay, which deletes what the broker has taken. A change and its messages
-- therefore commit together in PostgreSQL alone: no two-phase commit with the broker, nothing in doubt after a crash.
CREATE TABLE outbox (
    id             bigint       GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    address        varchar(200) NOT NULL,
    routing        varchar(10)  NOT NULL,
    body           text,
    properties     jsonb        NOT NULL DEFAULT '{}'::jsonb,
    correlation_id varchar(128),
    created_at     timestamptz  NOT NULL DEFAULT now(),
    CONSTRAINT outbox_routing_check CHECK (routing IN ('anycast', 'multicast')),
    CONSTRAINT outbox_properties_object CHECK (jsonb_typeof(properties) = 'object')
);

-- Login attempts per account (by a hash of the normalised e-mail, whether or not such an account exists), for the
-- per-account throttle that holds whichever addresses the attempts come from.
CREATE TABLE login_attempts (
    account_key     bytea       PRIMARY KEY,
    attempts        integer     NOT NULL,
    last_attempt_at timestamptz NOT NULL,
    locked_until    timestamptz,
    CONSTRAINT login_attempts_not_negative CHECK (attempts >= 0)
);
CREATE INDEX login_attempts_last_attempt_idx ON login_attempts (last_attempt_at);

-- Where each account has logged in from before (a hash of e-mail and client address). Attempts from such a place
-- are counted apart from the account's count, so that guesses from elsewhere cannot lock the user out of it.
CREATE TABLE login_known_sources (
    source_key      bytea       PRIMARY KEY,
    last_success_at timestamptz NOT NULL
);
CREATE INDEX login_known_sources_last_success_idx ON login_known_sources (last_success_at);
