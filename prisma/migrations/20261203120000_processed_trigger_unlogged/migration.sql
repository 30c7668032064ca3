-- The replay ledger is written before every command, click and form submission: kept out of the
-- write-ahead log, its insert costs no disk flush. After a crash PostgreSQL empties it, which only
-- reopens the 5-minute signature window of requests signed before the crash.
ALTER TABLE "processed_trigger" SET UNLOGGED;
