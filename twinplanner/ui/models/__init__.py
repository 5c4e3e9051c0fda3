"""Item models of the window: visitors, host households, and the filter proxy over them."""
