"""govgraph's command line, above graph/ (the graph and its stores) and ingest/ (reading documents into it).

click speaks Swedish from the moment this package is imported, before any command is declared: govgraph/swedish.py
translates click's own words where click looks them up."""
from govgraph import swedish

swedish.install()
