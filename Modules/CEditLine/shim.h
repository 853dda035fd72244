#ifndef K1_CEDITLINE_SHIM_H
#define K1_CEDITLINE_SHIM_H
#include <stdio.h>
#include <stdlib.h>
/* libedit's readline-compatible API. Never <readline/readline.h>: that is GNU readline's header. */
#include <editline/readline.h>
#endif
