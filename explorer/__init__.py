"""The explorer's pages (Streamlit), one module per page, and what they share (`common.py`). `app.py` puts
them in one navigation; the pages render only: data comes through graph/explore.py, graph/picture.py, graph/report.py
and the saved queries."""
