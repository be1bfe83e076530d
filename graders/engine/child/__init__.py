"""Modules that run inside the sandboxed child. They are copied into the sandbox as plain files,
so each imports its siblings by bare name and nothing from the rest of the bank."""
