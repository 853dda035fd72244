// LineEditor module
