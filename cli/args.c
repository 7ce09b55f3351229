/* args.c - argument parsing shared by every command family: numbers and versions with
 * range checks, --help, unknown options and commands (with the nearest known word), and
 * secrets read from standard input or a file (never from argv, which `ps` shows). */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

bool cli_is_help(const char *arg)
{
    return strcmp(arg, "--help") == 0 || strcmp(arg, "-h") == 0;
}

int cli_help(struct cli *c, const char *usage)
{
    cli_printf("usage: %s ", c->prog);
    cli_text(stdout, usage);
    cli_text(stdout, "\n");
    return CLI_OK;
}

int cli_usage(struct cli *c, const char *usage)
{
    cli_eprintf("usage: %s ", c->prog);
    cli_text(stderr, usage);
    cli_text(stderr, "\n");
    return CLI_USAGE;
}

bool cli_opt(int argc, char **argv, int *i, const char *name, const char **value)
{
    const char *a = argv[*i];
    size_t n = strlen(name);
    if (strncmp(a, name, n) != 0)
        return false;
    if (a[n] == '=') {
        *value = a + n + 1;
        return true;
    }
    if (a[n] != '\0')
        return false;
    if (*i + 1 >= argc) {
        cli_eprintf("rescuebay: option %s needs a value\n", name);
        *value = NULL;
        return true;
    }
    *value = argv[++*i];
    return true;
}

int cli_parse_int(struct cli *c, const char *opt, const char *text, long long min,
                  long long max, long long *out)
{
    const char *p = text;
    if (*p == '-')
        p++;
    bool digits = *p != '\0';
    for (; *p; p++)
        digits &= *p >= '0' && *p <= '9';
    errno = 0;
    char *end = NULL;
    long long v = digits ? strtoll(text, &end, 10) : 0;
    if (!digits || errno == ERANGE || v < min || v > max) {
        const char *why = !digits ? "not a number"
                          : errno == ERANGE ? (text[0] == '-' ? "too small" : "too large")
                          : v < min ? "too small" : "too large";
        cli_eprintf("%s: %s: \"%s\" is %s: give a whole number from %lld to %lld\n", c->prog,
                    opt, text, why, min, max);
        return CLI_USAGE;
    }
    *out = v;
    return CLI_OK;
}

int cli_parse_version(struct cli *c, const char *opt, const char *text)
{
    /* 1 to 3 dot-separated numbers of 1-3 digits: "17", "16.7", "16.7.2". */
    int parts = 0, len = 0;
    bool ok = true;
    for (const char *p = text;; p++) {
        if (*p >= '0' && *p <= '9' && len < 3) {
            len++;
        } else if ((*p == '.' || *p == '\0') && len > 0 && parts < 3) {
            parts++;
            len = 0;
            if (!*p)
                break;
        } else {
            ok = false;
            break;
        }
    }
    if (!ok || parts == 0 || len != 0) {
        cli_eprintf("%s: %s: \"%s\" is not an iOS version: give one like 16.7.2\n", c->prog, opt,
                    text);
        return CLI_USAGE;
    }
    return CLI_OK;
}

int cli_parse_size(struct cli *c, const char *opt, const char *text, uint64_t *out)
{
    /* Digits with at most one decimal point first: strtod inside the engine would also
     * take " 5", "+5", "0x10", "inf" and "nan". */
    size_t i = 0, dots = 0;
    while ((text[i] >= '0' && text[i] <= '9') || (text[i] == '.' && dots++ == 0))
        i++;
    bool number = i > 0 && text[0] != '.' && text[i - 1] != '.';
    if (text[i] && strchr("kKmMgGtT", text[i]))
        i++;
    if (text[i] == 'i')
        i++;
    if (text[i] == 'B' || text[i] == 'b')
        i++;
    number &= text[i] == '\0';
    if (!number || rb_firmware_parse_size(out, text) != RB_OK) {
        cli_eprintf("%s: %s: \"%s\" is not a size: give bytes, or a number with K, M or G "
                    "(e.g. 500M)\n", c->prog, opt, text);
        return CLI_USAGE;
    }
    return CLI_OK;
}

/* Edit distance (insert, delete, substitute, swap of neighbours), capped: only small
 * distances matter for a suggestion. */
static size_t distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    if (la > 40 || lb > 40)
        return 99;
    size_t d[41][41];
    for (size_t i = 0; i <= la; i++)
        d[i][0] = i;
    for (size_t j = 0; j <= lb; j++)
        d[0][j] = j;
    for (size_t i = 1; i <= la; i++)
        for (size_t j = 1; j <= lb; j++) {
            size_t best = d[i - 1][j - 1] + (a[i - 1] != b[j - 1]);
            if (d[i - 1][j] + 1 < best)
                best = d[i - 1][j] + 1;
            if (d[i][j - 1] + 1 < best)
                best = d[i][j - 1] + 1;
            if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] &&
                d[i - 2][j - 2] + 1 < best)
                best = d[i - 2][j - 2] + 1;
            d[i][j] = best;
        }
    return d[la][lb];
}

const char *cli_nearest(const char *word, const char *const *known, size_t n)
{
    const char *best = NULL;
    size_t bd = 3; /* more than two edits away is no longer a typo */
    for (size_t i = 0; i < n; i++) {
        size_t d = distance(word, known[i]);
        if (d < bd && d < strlen(known[i])) {
            bd = d;
            best = known[i];
        }
        /* "dev" for "devices": a prefix of exactly one word is also a good guess */
        if (!best && strlen(word) >= 2 && strncmp(word, known[i], strlen(word)) == 0)
            best = known[i];
    }
    return best;
}

int cli_unknown(struct cli *c, const char *what, const char *word, const char *const *known,
                size_t n, const char *usage)
{
    const char *near = known ? cli_nearest(word, known, n) : NULL;
    if (near)
        cli_eprintf("%s: unknown %s '%s' (did you mean %s?)\n", c->prog, what, word, near);
    else
        cli_eprintf("%s: unknown %s '%s'\n", c->prog, what, word);
    return usage ? cli_usage(c, usage) : CLI_USAGE;
}

/* The first line of f, without its line end; NULL at end of file. */
static char *first_line(FILE *f)
{
    size_t cap = 0;
    char *line = NULL;
    ssize_t n = getline(&line, &cap, f);
    if (n < 0) {
        free(line);
        return NULL;
    }
    while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
        line[--n] = '\0';
    return line;
}

int cli_read_secret(struct cli *c, const char *what, bool from_stdin, const char *file, char **out)
{
    *out = NULL;
    if (from_stdin) {
        *out = first_line(stdin);
        if (!*out)
            return cli_fail(c, RB_ERR_INVALID_ARG, "no %s on standard input", what);
    } else if (file) {
        FILE *f = fopen(file, "r");
        if (!f)
            return cli_fail(c, RB_ERR_NOT_FOUND, "cannot read %s", file);
        *out = first_line(f);
        fclose(f);
        if (!*out)
            return cli_fail(c, RB_ERR_INVALID_ARG, "%s is empty", file);
    }
    return CLI_OK;
}

void cli_secret_free(char *s)
{
    if (s) {
        volatile char *p = s;
        while (*p)
            *p++ = 0;
        free(s);
    }
}
