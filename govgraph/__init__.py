"""govgraph's command line, above graph/ (the graph and its stores) and ingest/ (reading documents into it)."""
