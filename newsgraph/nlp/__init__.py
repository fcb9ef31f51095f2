"""spaCy pipeline and newsgraph's own components, one module per component."""
