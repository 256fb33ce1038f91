"""Theory models: each document's model as pure functions of its parameters."""
