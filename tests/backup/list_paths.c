/* list_paths.c - rb-backup-list-paths HOME [ROOT...]: the paths rb_backup_list finds with
 * the engine's search folders, one per line, as the kiosk lists them; for the CLI test
 * that `rescuebay backup list` searches the same folders (tests/cli/backup_roots.sh). */
#include <stdio.h>

#include "rescuebay/backup.h"

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: rb-backup-list-paths HOME [ROOT...]\n");
        return 2;
    }
    rb_context *ctx = NULL;
    if (rb_context_new(&ctx, argv[1]) != RB_OK) {
        fprintf(stderr, "cannot open context %s\n", argv[1]);
        return 1;
    }
    rb_backup_entry *e = NULL;
    size_t n = 0;
    rb_status st = rb_backup_list(&e, &n, ctx, (const char *const *)(argv + 2), (size_t)(argc - 2), 1,
                                  NULL);
    if (st != RB_OK) {
        fprintf(stderr, "%s\n", rb_context_last_error(ctx));
        rb_context_free(ctx);
        return 1;
    }
    for (size_t i = 0; i < n; i++)
        printf("%s\n", e[i].path);
    rb_backup_list_free(e, n);
    rb_context_free(ctx);
    return 0;
}
