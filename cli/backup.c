/* backup.c - `rescuebay backup list | verify | inventory | extract` (docs/cli-backup.md). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli.h"

/* Verdict exit codes: documented in docs/cli-backup.md; scripts rely on them. */
enum { CLI_HELP_SHOWN = -1 }; /* parse() printed --help: exit 0 without running */
enum { EXIT_CORRUPT = 10, EXIT_NOT_COMPATIBLE = 11, EXIT_PASSWORD_NEEDED = 12,
       EXIT_WRONG_PASSWORD = 13 };

static const char *const USAGE =
    "backup list [--root DIR]... [--json]\n"
    "       rescuebay backup verify DIR [--password-stdin | --password-file F]\n"
    "                 [--device ID | --target-ios VERSION --target-model PRODUCTTYPE]\n"
    "                 [--quick] [--max-findings N] [--json]\n"
    "       rescuebay backup inventory DIR [--password-stdin | --password-file F] [--quick] [--json]\n"
    "       rescuebay backup extract DIR --category C --out OUT [--password-stdin | --password-file F] [--json]\n"
    "categories: photos messages contacts call_history notes voice_memos safari app_data health\n"
    "            keychain other\n"
    "exit codes (verify): 0 restorable, 10 corrupt, 11 not compatible, 12 password needed,\n"
    "            13 wrong password, 1 could not check, 2 usage";

static int verdict_exit(rb_backup_verdict v)
{
    switch (v) {
    case RB_BACKUP_RESTORABLE: return CLI_OK;
    case RB_BACKUP_CORRUPT: return EXIT_CORRUPT;
    case RB_BACKUP_NOT_COMPATIBLE: return EXIT_NOT_COMPATIBLE;
    case RB_BACKUP_PASSWORD_NEEDED: return EXIT_PASSWORD_NEEDED;
    case RB_BACKUP_WRONG_PASSWORD: return EXIT_WRONG_PASSWORD;
    }
    return CLI_FAIL;
}

static void human_size(uint64_t b, char *out, size_t n)
{
    const char *u[] = {"B", "KB", "MB", "GB", "TB"};
    double v = (double)b;
    int i = 0;
    while (v >= 1000 && i < 4) {
        v /= 1000;
        i++;
    }
    snprintf(out, n, i ? "%.1f %s" : "%.0f %s", v, u[i]);
}

struct vargs {
    const char *dir, *password_file, *device, *target_ios, *target_model, *category, *out;
    const char **roots;
    size_t nroots;
    bool password_stdin, quick;
    long max_findings;
};

static const char *const OPTIONS[] = {
    "--password-stdin", "--quick", "--password-file", "--device", "--target-ios",
    "--target-model", "--category", "--out", "--max-findings", "--root"};

static int parse(struct cli *c, int argc, char **argv, int first, struct vargs *a)
{
    for (int i = first; i < argc; i++) {
        const char *v = NULL;
        const char **slot = NULL;
        if (cli_is_help(argv[i])) return cli_help(c, USAGE) == CLI_OK ? CLI_HELP_SHOWN : CLI_USAGE;
        else if (strcmp(argv[i], "--password-stdin") == 0) a->password_stdin = true;
        else if (strcmp(argv[i], "--quick") == 0) a->quick = true;
        else if (cli_opt(argc, argv, &i, "--password-file", &v)) slot = &a->password_file;
        else if (cli_opt(argc, argv, &i, "--device", &v)) slot = &a->device;
        else if (cli_opt(argc, argv, &i, "--target-ios", &v)) {
            if (!v || cli_parse_version(c, "--target-ios", v) != CLI_OK) return CLI_USAGE;
            a->target_ios = v;
        } else if (cli_opt(argc, argv, &i, "--target-model", &v)) slot = &a->target_model;
        else if (cli_opt(argc, argv, &i, "--category", &v)) slot = &a->category;
        else if (cli_opt(argc, argv, &i, "--out", &v)) slot = &a->out;
        else if (cli_opt(argc, argv, &i, "--max-findings", &v)) {
            long long n;
            /* The cap only guards memory on hostile backups: 10 million findings is ~2 GB. */
            if (!v || cli_parse_int(c, "--max-findings", v, 1, 10000000, &n) != CLI_OK)
                return CLI_USAGE;
            a->max_findings = (long)n;
        } else if (cli_opt(argc, argv, &i, "--root", &v)) {
            if (!v) return CLI_USAGE;
            a->roots[a->nroots++] = v;
        } else if (argv[i][0] == '-' && argv[i][1]) {
            return cli_unknown(c, "option", argv[i], OPTIONS, sizeof OPTIONS / sizeof *OPTIONS, USAGE);
        } else if (!a->dir) a->dir = argv[i];
        else return cli_unknown(c, "argument", argv[i], NULL, 0, USAGE);
        if (slot) {
            if (!v) return CLI_USAGE;
            *slot = v;
        }
    }
    if (a->password_stdin && a->password_file)
        return cli_usage(c, USAGE);
    if (a->device && (a->target_ios || a->target_model))
        return cli_usage(c, USAGE);
    return CLI_OK;
}

static int get_password(struct cli *c, const struct vargs *a, char **pw)
{
    return cli_read_secret(c, "password", a->password_stdin, a->password_file, pw);
}

static int on_progress(const rb_progress *p, void *payload)
{
    (void)payload;
    static const char *const steps[] = {"", "reading the backup's description", "checking the password",
                                        "opening the file list", "checking files", "looking for stray files"};
    int s = p->step >= 1 && p->step <= 5 ? p->step : 0;
    if (p->items_total)
        cli_eprintf("\r%s: %llu of %llu files, %.0f MB   ", steps[s],
                (unsigned long long)p->items_done, (unsigned long long)p->items_total,
                (double)p->bytes_done / 1e6);
    else
        cli_eprintf("\r%-60s", steps[s]);
    return 0;
}

static const char *verdict_words(rb_backup_verdict v)
{
    switch (v) {
    case RB_BACKUP_RESTORABLE: return "RESTORABLE - this backup can be restored";
    case RB_BACKUP_CORRUPT: return "CORRUPT - this backup cannot be fully restored";
    case RB_BACKUP_NOT_COMPATIBLE: return "NOT COMPATIBLE with this device";
    case RB_BACKUP_PASSWORD_NEEDED: return "ENCRYPTED - the backup password is needed to check it";
    case RB_BACKUP_WRONG_PASSWORD: return "WRONG PASSWORD - this password does not open the backup";
    }
    return "?";
}

static const char *next_step(rb_backup_verdict v)
{
    switch (v) {
    case RB_BACKUP_RESTORABLE:
        return "It is safe to erase the device as far as this backup is concerned.";
    case RB_BACKUP_CORRUPT:
        return "Do NOT erase the device yet: make a new backup if the phone still works. If it "
               "does not, run 'rescuebay backup inventory' to see what can still be saved.";
    case RB_BACKUP_NOT_COMPATIBLE:
        return "Update the device to the backup's iOS version (or newer) first, or use a backup "
               "made from the same kind of device.";
    case RB_BACKUP_PASSWORD_NEEDED:
        return "Ask the customer for the backup password (set in Finder/iTunes) and run again "
               "with --password-stdin.";
    case RB_BACKUP_WRONG_PASSWORD:
        return "Ask the customer again: it is the password for encrypted iPhone backups, not the "
               "passcode of the phone or the Apple ID password.";
    }
    return "";
}

static cJSON *info_json(const rb_backup_info *in, const char *path)
{
    cJSON *b = cJSON_CreateObject();
    if (path)
        cJSON_AddStringToObject(b, "path", path);
    cJSON_AddStringToObject(b, "udid", in->udid);
    cJSON_AddStringToObject(b, "device_name", in->device_name);
    cJSON_AddStringToObject(b, "product_type", in->product_type);
    cJSON_AddStringToObject(b, "model_name", in->model_name);
    cJSON_AddStringToObject(b, "ios_version", in->ios_version);
    cJSON_AddStringToObject(b, "build_version", in->build_version);
    cJSON_AddStringToObject(b, "date", in->date);
    if (in->encrypted >= 0)
        cJSON_AddBoolToObject(b, "encrypted", in->encrypted);
    else
        cJSON_AddNullToObject(b, "encrypted");
    return b;
}

static cJSON *categories_json(const rb_backup_report *r)
{
    cJSON *cats = cJSON_CreateObject();
    for (int i = 0; i < RB_BACKUP_CATEGORY_COUNT; i++) {
        const rb_backup_category_stats *s = rb_backup_report_category(r, (rb_backup_category)i);
        cJSON *o = cJSON_AddObjectToObject(cats, rb_backup_category_name((rb_backup_category)i));
        cJSON_AddNumberToObject(o, "files_intact", (double)s->files_intact);
        cJSON_AddNumberToObject(o, "bytes_intact", (double)s->bytes_intact);
        cJSON_AddNumberToObject(o, "files_damaged", (double)s->files_damaged);
        cJSON_AddNumberToObject(o, "bytes_damaged", (double)s->bytes_damaged);
    }
    return cats;
}

static cJSON *report_json(const rb_backup_report *r, const char *dir, int code)
{
    cJSON *o = cJSON_CreateObject();
    cJSON_AddStringToObject(o, "verdict", rb_backup_verdict_name(rb_backup_report_verdict(r)));
    cJSON_AddNumberToObject(o, "exit_code", code);
    cJSON_AddStringToObject(o, "depth", rb_backup_report_depth(r) == RB_BACKUP_DEEP ? "deep" : "quick");
    cJSON_AddItemToObject(o, "backup", info_json(rb_backup_report_info(r), dir));
    const rb_backup_summary *s = rb_backup_report_summary(r);
    cJSON *sm = cJSON_AddObjectToObject(o, "summary");
#define N(f) cJSON_AddNumberToObject(sm, #f, (double)s->f)
    N(rows); N(files); N(directories); N(symlinks); N(bytes_total); N(files_present);
    N(files_missing); N(size_mismatches); N(files_read); N(bytes_read); N(digests_checked);
    N(digest_mismatches); N(files_decrypted); N(decrypt_failures); N(orphans); N(errors);
    N(warnings); N(infos); N(findings_dropped);
#undef N
    cJSON *codes = cJSON_AddObjectToObject(o, "finding_counts");
    const char *cn[64];
    uint64_t cc[64];
    size_t ncodes = rb_backup_report_codes(r, cn, cc, 64);
    for (size_t i = 0; i < ncodes; i++)
        cJSON_AddNumberToObject(codes, cn[i], (double)cc[i]);
    cJSON *arr = cJSON_AddArrayToObject(o, "findings");
    for (size_t i = 0; i < rb_backup_report_finding_count(r); i++) {
        const rb_backup_finding *f = rb_backup_report_finding(r, i);
        cJSON *j = cJSON_CreateObject();
        cJSON_AddStringToObject(j, "code", f->code);
        cJSON_AddStringToObject(j, "severity", rb_backup_severity_name(f->severity));
        cJSON_AddStringToObject(j, "domain", f->domain);
        cJSON_AddStringToObject(j, "relative_path", f->relative_path);
        cJSON_AddStringToObject(j, "file_id", f->file_id);
        cJSON_AddStringToObject(j, "detail", f->detail);
        cJSON_AddItemToArray(arr, j);
    }
    cJSON_AddItemToObject(o, "categories", categories_json(r));
    return o;
}

static void print_findings(const rb_backup_report *r, rb_backup_severity sev, const char *title)
{
    size_t shown = 0, total = 0;
    for (size_t i = 0; i < rb_backup_report_finding_count(r); i++) {
        const rb_backup_finding *f = rb_backup_report_finding(r, i);
        if (f->severity != sev)
            continue;
        if (total++ == 0)
            cli_printf("\n%s:\n", title);
        if (shown >= 25)
            continue;
        shown++;
        if (f->domain[0])
            cli_printf("  - %s: %s/%s: %s\n", f->code, f->domain, f->relative_path, f->detail);
        else
            cli_printf("  - %s: %s\n", f->code, f->detail);
    }
    if (total > shown)
        cli_printf("  ... and %zu more (see --json)\n", total - shown);
}

/* The model catalog for names and families; NULL (names left out) if it cannot be read. */
static rb_catalog *open_catalog(rb_context *ctx)
{
    rb_catalog *cat = NULL;
    return rb_catalog_open(&cat, ctx, NULL) == RB_OK ? cat : NULL;
}

static void print_roots(rb_context *ctx, const struct vargs *a)
{
    char **roots = NULL;
    if (rb_backup_roots(&roots, NULL, ctx) == RB_OK)
        for (size_t i = 0; roots[i]; i++)
            cli_printf("  %s\n", roots[i]);
    rb_backup_roots_free(roots);
    for (size_t i = 0; i < a->nroots; i++)
        cli_printf("  %s\n", a->roots[i]);
}

static int run_verify(struct cli *c, struct vargs *a, bool inventory)
{
    if (!a->dir)
        return cli_usage(c, USAGE);
    rb_context *ctx = cli_context(c);
    if (!ctx)
        return CLI_FAIL;
    char *pw = NULL;
    int rc = get_password(c, a, &pw);
    if (rc != CLI_OK)
        return rc;
    rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
    o.depth = a->quick ? RB_BACKUP_QUICK : RB_BACKUP_DEEP;
    o.password = pw;
    /* --json promises every finding; the cap only guards memory on hostile backups. */
    o.max_findings = a->max_findings > 0 ? (size_t)a->max_findings : 20000;
    /* Backup reads no catalog or device: the names and the target come from here. */
    rb_catalog *cat = open_catalog(ctx);
    rb_restore_target tgt;
    if (a->device) {
        rb_status st = rb_restore_target_from_device(&tgt, ctx, cat, a->device, 5000);
        if (st != RB_OK) {
            cli_secret_free(pw);
            rb_catalog_free(cat);
            return cli_fail(c, st, "cannot read the iOS version of device %s", a->device);
        }
    } else {
        rb_restore_target_from_model(&tgt, cat, a->target_model, a->target_ios);
    }
    rb_restore_backup_options(&o, a->device || a->target_ios || a->target_model ? &tgt : NULL, cat);
    bool show_progress = !c->json && isatty(2);
    if (show_progress)
        o.progress = on_progress;
    rb_backup_report *r = NULL;
    rb_status st = rb_backup_verify(&r, ctx, a->dir, &o);
    cli_secret_free(pw);
    rb_catalog_free(cat);
    if (show_progress)
        cli_eprintf("\r%-70s\r", "");
    if (st != RB_OK)
        return cli_fail(c, st, "cannot check %s", a->dir);
    rb_backup_verdict v = rb_backup_report_verdict(r);
    rc = verdict_exit(v);
    /* Counts from a file list that could not be read to its end are not an inventory. */
    bool partial = inventory && !rb_backup_report_inventory_complete(r);
    if (inventory && v != RB_BACKUP_PASSWORD_NEEDED && v != RB_BACKUP_WRONG_PASSWORD)
        rc = partial ? EXIT_CORRUPT : CLI_OK;
    if (c->json) {
        cJSON *j = report_json(r, a->dir, rc);
        if (inventory)
            cJSON_AddBoolToObject(j, "inventory_complete", !partial);
        if (o.target_ios || o.target_product_type) {
            cJSON *t = cJSON_AddObjectToObject(j, "target");
            cJSON_AddStringToObject(t, "ios_version", o.target_ios ? o.target_ios : "");
            cJSON_AddStringToObject(t, "product_type", o.target_product_type ? o.target_product_type : "");
            cJSON_AddStringToObject(t, "model_name", o.target_model_name ? o.target_model_name : "");
        }
        cli_print_json(j);
        rb_backup_report_free(r);
        return rc;
    }
    const rb_backup_info *in = rb_backup_report_info(r);
    const rb_backup_summary *s = rb_backup_report_summary(r);
    char sz[32];
    human_size(s->bytes_total, sz, sizeof sz);
    const char *model = in->model_name[0] ? in->model_name : in->product_type[0] ? in->product_type : "unknown model";
    cli_printf("Backup of \"%s\" (%s%s%s), iOS %s, made %s%s\n", in->device_name[0] ? in->device_name : "?",
           model, in->model_name[0] ? ", " : "", in->model_name[0] ? in->product_type : "",
           in->ios_version[0] ? in->ios_version : "?", in->date[0] ? in->date : "?",
           in->encrypted == 1 ? ", encrypted" : "");
    cli_printf("%llu files, %s checked (%s)\n", (unsigned long long)s->files, sz,
           rb_backup_report_depth(r) == RB_BACKUP_DEEP ? "deep: contents read" : "quick: sizes only");
    if (inventory) {
        cli_printf("\n%-13s %10s %12s %10s %12s\n", "category", "intact", "size", "damaged", "size");
        for (int i = 0; i < RB_BACKUP_CATEGORY_COUNT; i++) {
            const rb_backup_category_stats *cs = rb_backup_report_category(r, (rb_backup_category)i);
            char b1[32], b2[32];
            human_size(cs->bytes_intact, b1, sizeof b1);
            human_size(cs->bytes_damaged, b2, sizeof b2);
            cli_printf("%-13s %10llu %12s %10llu %12s\n", rb_backup_category_name((rb_backup_category)i),
                   (unsigned long long)cs->files_intact, b1, (unsigned long long)cs->files_damaged, b2);
        }
        cli_printf("\nVerdict: %s\n", verdict_words(v));
        if (partial)
            cli_printf("This inventory is INCOMPLETE: the backup's list of files (Manifest.db) could not be "
                   "read to its end, so files after that point are not counted. Run 'rescuebay backup "
                   "verify' to see why.\n");
    } else {
        cli_printf("\nVerdict: %s\n%s\n", verdict_words(v), next_step(v));
        print_findings(r, RB_BACKUP_ERROR, "Problems");
        print_findings(r, RB_BACKUP_WARNING, "Warnings (do not block a restore)");
        cli_printf("\n%llu errors, %llu warnings; %llu files missing, %llu wrong size, %llu digest "
               "mismatches, %llu decrypted\n",
               (unsigned long long)s->errors, (unsigned long long)s->warnings,
               (unsigned long long)s->files_missing, (unsigned long long)s->size_mismatches,
               (unsigned long long)s->digest_mismatches, (unsigned long long)s->files_decrypted);
    }
    rb_backup_report_free(r);
    return rc;
}

static int run_list(struct cli *c, struct vargs *a)
{
    rb_context *ctx = cli_context(c);
    if (!ctx)
        return CLI_FAIL;
    rb_backup_entry *e = NULL;
    size_t n = 0;
    rb_catalog *cat = open_catalog(ctx);
    rb_backup_options lo = RB_BACKUP_OPTIONS_INIT;
    rb_restore_backup_options(&lo, NULL, cat);
    /* The engine adds the default folders, backup.roots and $RB_BACKUP_ROOTS, as the kiosk. */
    rb_status st = rb_backup_list(&e, &n, ctx, a->roots, a->nroots, 1, &lo);
    rb_catalog_free(cat);
    if (st != RB_OK)
        return cli_fail(c, st, "cannot list backups");
    if (c->json) {
        cJSON *o = cJSON_CreateObject();
        cJSON *arr = cJSON_AddArrayToObject(o, "backups");
        for (size_t i = 0; i < n; i++) {
            cJSON *b = info_json(&e[i].info, e[i].path);
            cJSON_AddNumberToObject(b, "size_bytes", (double)e[i].size_bytes);
            cJSON_AddStringToObject(b, "status", e[i].status);
            cJSON_AddStringToObject(b, "quick_verdict", rb_backup_verdict_name(e[i].verdict));
            cJSON_AddItemToArray(arr, b);
        }
        cli_print_json(o);
    } else if (n == 0) {
        cli_printf("No backups found. Searched:\n");
        print_roots(ctx, a);
        cli_printf("Add a folder with --root DIR, or to the setting backup.roots.\n");
    } else {
        cli_printf("%-20s %-22s %-8s %-20s %10s %-9s %-10s %s\n", "device", "model", "iOS", "date", "size",
               "encrypted", "status", "path");
        for (size_t i = 0; i < n; i++) {
            char sz[32];
            human_size(e[i].size_bytes, sz, sizeof sz);
            const rb_backup_info *in = &e[i].info;
            cli_printf("%-20.20s %-22.22s %-8s %-20s %10s %-9s %-10s %s\n",
                   in->device_name[0] ? in->device_name : "?",
                   in->model_name[0] ? in->model_name : (in->product_type[0] ? in->product_type : "?"),
                   in->ios_version[0] ? in->ios_version : "?", in->date[0] ? in->date : "?", sz,
                   in->encrypted == 1 ? "yes" : in->encrypted == 0 ? "no" : "?", e[i].status, e[i].path);
        }
    }
    rb_backup_list_free(e, n);
    return CLI_OK;
}

static int run_extract(struct cli *c, struct vargs *a)
{
    rb_backup_category cat;
    if (!a->dir || !a->category || !a->out)
        return cli_usage(c, USAGE);
    if (rb_backup_category_from_name(&cat, a->category) != RB_OK) {
        cli_eprintf("%s: unknown category '%s'\n", c->prog, a->category);
        return cli_usage(c, USAGE);
    }
    rb_context *ctx = cli_context(c);
    if (!ctx)
        return CLI_FAIL;
    char *pw = NULL;
    int rc = get_password(c, a, &pw);
    if (rc != CLI_OK)
        return rc;
    rb_backup_options o = RB_BACKUP_OPTIONS_INIT;
    o.password = pw;
    rb_backup_extract_result res;
    rb_status st = rb_backup_extract(&res, ctx, a->dir, cat, a->out, &o);
    cli_secret_free(pw);
    if (st != RB_OK)
        return cli_fail(c, st, "cannot extract %s from %s", a->category, a->dir);
    if (c->json) {
        cJSON *j = cJSON_CreateObject();
        cJSON_AddStringToObject(j, "category", a->category);
        cJSON_AddStringToObject(j, "out", a->out);
        cJSON_AddNumberToObject(j, "files_written", (double)res.files_written);
        cJSON_AddNumberToObject(j, "bytes_written", (double)res.bytes_written);
        cJSON_AddNumberToObject(j, "files_damaged", (double)res.files_damaged);
        cJSON_AddNumberToObject(j, "files_unsafe", (double)res.files_unsafe);
        cli_print_json(j);
    } else {
        char sz[32];
        human_size(res.bytes_written, sz, sizeof sz);
        cli_printf("Copied %llu %s files (%s) to %s.\n", (unsigned long long)res.files_written,
               a->category, sz, a->out);
        if (res.files_damaged)
            cli_printf("%llu damaged files were left out.\n", (unsigned long long)res.files_damaged);
        if (res.files_unsafe)
            cli_printf("%llu files with unsafe names were left out.\n", (unsigned long long)res.files_unsafe);
    }
    return CLI_OK;
}

int cli_backup(struct cli *c, int argc, char **argv)
{
    if (argc < 2)
        return cli_usage(c, USAGE);
    if (cli_is_help(argv[1]) || !strcmp(argv[1], "help"))
        return cli_help(c, USAGE);
    static const char *const subs[] = {"list", "verify", "inventory", "extract"};
    const char *sub = argv[1];
    bool known = false;
    for (size_t i = 0; i < sizeof subs / sizeof *subs; i++)
        known |= !strcmp(sub, subs[i]);
    const char **roots = calloc((size_t)argc, sizeof *roots);
    if (!roots)
        return cli_fail(c, RB_ERR_NOMEM, "out of memory");
    struct vargs a = {.roots = roots};
    int rc = parse(c, argc, argv, 2, &a);
    if (rc == CLI_HELP_SHOWN)
        rc = CLI_OK;
    else if (rc == CLI_OK && !known)
        rc = cli_unknown(c, "backup command", sub, subs, sizeof subs / sizeof *subs, USAGE);
    else if (rc == CLI_OK) {
        if (!strcmp(sub, "list")) rc = run_list(c, &a);
        else if (!strcmp(sub, "verify")) rc = run_verify(c, &a, false);
        else if (!strcmp(sub, "inventory")) rc = run_verify(c, &a, true);
        else rc = run_extract(c, &a);
    }
    free(roots);
    return rc;
}
