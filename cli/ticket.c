/* ticket.c - placeholder until its capability lands; replaced by the real family. */
#include <stdio.h>

#include "cli.h"

int cli_ticket(struct cli *c, int argc, char **argv)
{
    (void)argc;
    return cli_fail(c, RB_ERR_UNSUPPORTED, "'%s' is not available in this build yet", argv[0]);
}

