#!/bin/sh
# The CLI writes only through cli/out.c (where every %s is escaped and every JSON string
# goes through rb_text_json) and parses numbers only through cli/args.c: a direct
# printf/puts/fwrite or atoi/strtol elsewhere in cli/ would bypass both.
set -eu
src="${RB_SOURCE_DIR:-.}/cli"
bad=0
for f in "$src"/*.c; do
    case "$(basename "$f")" in out.c) continue ;; esac
    # snprintf into a buffer is fine: the buffer is printed through cli_printf later.
    if grep -nE '(^|[^a-z_])(printf|fprintf|vprintf|vfprintf|puts|fputs|putchar|fputc|putc|fwrite|cJSON_Print[A-Za-z]*)[[:space:]]*\(' "$f"; then
        echo "FAIL: $f writes output itself: use cli_printf/cli_eprintf/cli_print_json (cli/out.c)"
        bad=1
    fi
    case "$(basename "$f")" in args.c) continue ;; esac
    if grep -nE '(^|[^a-z_])(atoi|atol|atoll|strtol|strtoul|strtoll|strtoull|strtod|sscanf)[[:space:]]*\(' "$f"; then
        echo "FAIL: $f parses numbers itself: use cli_parse_int/cli_parse_size (cli/args.c)"
        bad=1
    fi
done
# The checker itself must see an offender.
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT
printf 'static void f(const char *s) { printf("%%s", s); }\n' > "$tmp"
grep -qE '(^|[^a-z_])printf[[:space:]]*\(' "$tmp" || { echo "FAIL: checker blind"; exit 1; }
[ $bad = 0 ] && echo ok
exit $bad
