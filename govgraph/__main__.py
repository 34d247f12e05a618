"""`python -m govgraph` runs the govgraph command line."""
from govgraph.cli import main

main()
