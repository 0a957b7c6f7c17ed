-- The schema at the newest migration, for new files. Made by `uv run python -m
-- socialdesk.store.schema` from the migrations, which stay the source: do not edit.
BEGIN;

CREATE TABLE alembic_version (
	version_num VARCHAR(32) NOT NULL, 
	CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num)
);

CREATE TABLE author (
	id INTEGER NOT NULL, 
	network VARCHAR NOT NULL, 
	remote_id VARCHAR NOT NULL, 
	handle VARCHAR NOT NULL, 
	display_name VARCHAR NOT NULL, 
	flags VARCHAR NOT NULL, 
	notes VARCHAR NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (network, remote_id)
);

CREATE TABLE client (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	colour VARCHAR NOT NULL, 
	response_target_minutes INTEGER NOT NULL, 
	service_hours VARCHAR, 
	timezone VARCHAR NOT NULL, 
	banned_phrases VARCHAR, 
	created_at INTEGER NOT NULL, notifications_muted BOOLEAN DEFAULT 0 NOT NULL, brand_contacts VARCHAR, outbox_paused BOOLEAN DEFAULT '0' NOT NULL, archived_at INTEGER, deleted_at INTEGER, 
	PRIMARY KEY (id)
);

CREATE TABLE event (
	id INTEGER NOT NULL, 
	kind VARCHAR NOT NULL, 
	at INTEGER NOT NULL, 
	client_id INTEGER, 
	account_id INTEGER, 
	mention_id INTEGER, 
	detail VARCHAR, 
	PRIMARY KEY (id)
);

CREATE INDEX ix_event_at ON event (at);

CREATE INDEX ix_event_kind ON event (kind);

CREATE TABLE account (
	id INTEGER NOT NULL, 
	client_id INTEGER NOT NULL, 
	network VARCHAR NOT NULL, 
	handle VARCHAR NOT NULL, 
	display_name VARCHAR NOT NULL, 
	server_url VARCHAR, 
	remote_id VARCHAR, 
	sync_cursor VARCHAR, 
	sync_state VARCHAR NOT NULL, 
	last_synced_at INTEGER, 
	last_error VARCHAR, 
	created_at INTEGER NOT NULL, sync_after INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(client_id) REFERENCES client (id) ON DELETE CASCADE, 
	UNIQUE (client_id, network, handle, server_url)
);

CREATE INDEX ix_account_client_id ON account (client_id);

CREATE TABLE saved_reply (
	id INTEGER NOT NULL, 
	client_id INTEGER, 
	name VARCHAR NOT NULL, 
	body VARCHAR NOT NULL, 
	built_in BOOLEAN NOT NULL, 
	created_at INTEGER NOT NULL, 
	updated_at INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(client_id) REFERENCES client (id) ON DELETE CASCADE
);

CREATE INDEX ix_saved_reply_client_id ON saved_reply (client_id);

CREATE TABLE mention (
	id INTEGER NOT NULL, 
	account_id INTEGER NOT NULL, 
	remote_id VARCHAR NOT NULL, 
	author_id INTEGER NOT NULL, 
	text VARCHAR NOT NULL, 
	created_at INTEGER NOT NULL, 
	received_at INTEGER NOT NULL, 
	url VARCHAR, 
	in_reply_to_remote_id VARCHAR, 
	conversation_id VARCHAR, 
	category VARCHAR, 
	category_override VARCHAR, 
	sentiment FLOAT, 
	priority VARCHAR, 
	triage_reasons VARCHAR, 
	status VARCHAR NOT NULL, 
	status_changed_at INTEGER, 
	first_response_at INTEGER, due_at INTEGER, snoozed_until INTEGER, urgency INTEGER, hidden_at INTEGER, crisis_id INTEGER, visibility VARCHAR, triage_sure BOOLEAN DEFAULT '1' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(account_id) REFERENCES account (id) ON DELETE CASCADE, 
	FOREIGN KEY(author_id) REFERENCES author (id) ON DELETE RESTRICT, 
	UNIQUE (account_id, remote_id)
);

CREATE INDEX ix_mention_account_feed ON mention (account_id, created_at);

CREATE INDEX ix_mention_author_id ON mention (author_id);

CREATE INDEX ix_mention_conversation ON mention (account_id, conversation_id);

CREATE INDEX ix_mention_feed ON mention (created_at, id);

CREATE TABLE draft (
	id INTEGER NOT NULL, 
	account_id INTEGER NOT NULL, 
	mention_id INTEGER, 
	text VARCHAR NOT NULL, 
	cursor_position INTEGER NOT NULL, 
	state VARCHAR NOT NULL, 
	review_note VARCHAR, 
	created_at INTEGER NOT NULL, 
	updated_at INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(account_id) REFERENCES account (id) ON DELETE CASCADE, 
	FOREIGN KEY(mention_id) REFERENCES mention (id) ON DELETE CASCADE
);

CREATE INDEX ix_draft_account_id ON draft (account_id);

CREATE INDEX ix_draft_mention_id ON draft (mention_id);

CREATE TABLE outbox_item (
	id INTEGER NOT NULL, 
	account_id INTEGER NOT NULL, 
	draft_id INTEGER, 
	mention_id INTEGER, 
	text VARCHAR NOT NULL, 
	in_reply_to_remote_id VARCHAR, 
	idempotency_key VARCHAR NOT NULL, 
	state VARCHAR NOT NULL, 
	attempts INTEGER NOT NULL, 
	last_error VARCHAR, 
	next_attempt_at INTEGER, 
	remote_id VARCHAR, 
	url VARCHAR, 
	created_at INTEGER NOT NULL, 
	sent_at INTEGER, send_at INTEGER, conversation_id VARCHAR, unconfirmed BOOLEAN DEFAULT '0' NOT NULL, lease_until INTEGER, 
	PRIMARY KEY (id), 
	FOREIGN KEY(account_id) REFERENCES account (id) ON DELETE CASCADE, 
	FOREIGN KEY(draft_id) REFERENCES draft (id) ON DELETE SET NULL, 
	FOREIGN KEY(mention_id) REFERENCES mention (id) ON DELETE SET NULL, 
	UNIQUE (idempotency_key)
);

CREATE INDEX ix_outbox_item_account_id ON outbox_item (account_id);

CREATE INDEX ix_outbox_item_draft_id ON outbox_item (draft_id);

CREATE INDEX ix_outbox_item_mention_id ON outbox_item (mention_id);

CREATE VIRTUAL TABLE mention_fts USING fts5(text, content='mention', content_rowid='id', tokenize="unicode61 remove_diacritics 2");

CREATE TRIGGER mention_fts_insert AFTER INSERT ON mention BEGIN INSERT INTO mention_fts(rowid, text) VALUES (new.id, new.text); END;

CREATE TRIGGER mention_fts_delete AFTER DELETE ON mention BEGIN INSERT INTO mention_fts(mention_fts, rowid, text) VALUES ('delete', old.id, old.text); END;

CREATE TRIGGER mention_fts_update AFTER UPDATE OF text ON mention BEGIN INSERT INTO mention_fts(mention_fts, rowid, text) VALUES ('delete', old.id, old.text); INSERT INTO mention_fts(rowid, text) VALUES (new.id, new.text); END;

CREATE INDEX ix_mention_due ON mention (status, due_at);

CREATE INDEX ix_mention_urgency ON mention (urgency, id);

CREATE INDEX ix_mention_waiting ON mention (account_id, status, due_at, first_response_at);

CREATE INDEX ix_mention_due_missing ON mention (id) WHERE due_at IS NULL;

CREATE TABLE saved_view (
	id INTEGER NOT NULL, 
	name VARCHAR NOT NULL, 
	filter VARCHAR NOT NULL, 
	position INTEGER NOT NULL, 
	PRIMARY KEY (id), 
	UNIQUE (name)
);

CREATE INDEX ix_outbox_due ON outbox_item (state, next_attempt_at);

CREATE INDEX ix_draft_mention_state ON draft (mention_id, state);

CREATE VIRTUAL TABLE draft_fts USING fts5(text, content='draft', content_rowid='id', tokenize="unicode61 remove_diacritics 2");

CREATE TRIGGER draft_fts_insert AFTER INSERT ON draft BEGIN INSERT INTO draft_fts(rowid, text) VALUES (new.id, new.text); END;

CREATE TRIGGER draft_fts_delete AFTER DELETE ON draft BEGIN INSERT INTO draft_fts(draft_fts, rowid, text) VALUES ('delete', old.id, old.text); END;

CREATE TRIGGER draft_fts_update AFTER UPDATE OF text ON draft BEGIN INSERT INTO draft_fts(draft_fts, rowid, text) VALUES ('delete', old.id, old.text); INSERT INTO draft_fts(rowid, text) VALUES (new.id, new.text); END;

CREATE VIRTUAL TABLE outbox_fts USING fts5(text, content='outbox_item', content_rowid='id', tokenize="unicode61 remove_diacritics 2");

CREATE TRIGGER outbox_fts_insert AFTER INSERT ON outbox_item BEGIN INSERT INTO outbox_fts(rowid, text) VALUES (new.id, new.text); END;

CREATE TRIGGER outbox_fts_delete AFTER DELETE ON outbox_item BEGIN INSERT INTO outbox_fts(outbox_fts, rowid, text) VALUES ('delete', old.id, old.text); END;

CREATE TRIGGER outbox_fts_update AFTER UPDATE OF text ON outbox_item BEGIN INSERT INTO outbox_fts(outbox_fts, rowid, text) VALUES ('delete', old.id, old.text); INSERT INTO outbox_fts(rowid, text) VALUES (new.id, new.text); END;

CREATE TABLE crisis (
	id INTEGER NOT NULL, 
	client_id INTEGER NOT NULL, 
	started_at INTEGER NOT NULL, 
	ended_at INTEGER, 
	about VARCHAR DEFAULT '[]' NOT NULL, 
	outbox_paused_by_crisis BOOLEAN DEFAULT '0' NOT NULL, 
	PRIMARY KEY (id), 
	FOREIGN KEY(client_id) REFERENCES client (id) ON DELETE CASCADE
);

CREATE INDEX ix_crisis_client ON crisis (client_id, ended_at);

CREATE TABLE mention_arrival (run INTEGER NOT NULL PRIMARY KEY, latest INTEGER NOT NULL);

CREATE TRIGGER mention_arrival_insert AFTER INSERT ON mention BEGIN INSERT INTO mention_arrival (run, latest) VALUES (new.id >> 9, max(new.created_at, coalesce((SELECT latest FROM mention_arrival WHERE run < new.id >> 9 ORDER BY run DESC LIMIT 1), 0))) ON CONFLICT (run) DO UPDATE SET latest = max(latest, excluded.latest); UPDATE mention_arrival SET latest = new.created_at WHERE run > new.id >> 9 AND latest < new.created_at; END;

CREATE INDEX ix_mention_category ON mention (coalesce(category_override, category), status);

CREATE INDEX ix_mention_priority ON mention (priority, status);

INSERT INTO "alembic_version" VALUES('0015');
INSERT INTO "saved_reply" VALUES(1,NULL,'Take it to DMs','Hi {first_name}, I''m sorry about this. Please send us a direct message with your order number and we''ll look into it right away. {agent}',1,0,0);
INSERT INTO "saved_reply" VALUES(2,NULL,'Crisis statement','To all customers affected by …: we sincerely apologise. We are working on it and will update you shortly.',1,0,0);

COMMIT;
