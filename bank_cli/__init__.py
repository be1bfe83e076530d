"""The `bank` command line. Startup imports nothing heavy: frameworks load only in graders' children."""
