/* device/ports.c - the staff's names of USB ports (setting ports.names) and the one bay
 * order rule (device.h, "Ports"). The rule lives only here so that the kiosk and the CLI
 * cannot drift apart.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "device/device_private.h"

#define SETTING "ports.names"
#define MAX_PORTS 64

/* Digit runs compare as numbers: port "1-1.10" after "1-1.9", label "10" after "2". */
static int natural_cmp(const char *a, const char *b)
{
    while (*a && *b) {
        if (*a >= '0' && *a <= '9' && *b >= '0' && *b <= '9') {
            while (*a == '0')
                a++;
            while (*b == '0')
                b++;
            size_t la = strspn(a, "0123456789"), lb = strspn(b, "0123456789");
            if (la != lb)
                return la < lb ? -1 : 1;
            int c = strncmp(a, b, la);
            if (c)
                return c;
            a += la;
            b += lb;
            continue;
        }
        if (*a != *b)
            return (unsigned char)*a < (unsigned char)*b ? -1 : 1;
        a++;
        b++;
    }
    return *a ? 1 : *b ? -1 : 0;
}

bool rb__dev_port_path_ok(const char *p)
{
    /* sysfs names a device port "BUS-PORT[.PORT...]"; nothing else is one. */
    size_t n = p ? strlen(p) : 0;
    if (n < 3 || n >= sizeof ((rb_port_label *)0)->port || p[0] < '1' || p[0] > '9')
        return false;
    const char *dash = strchr(p, '-');
    if (!dash || dash[1] < '1' || dash[1] > '9' || strspn(p, "0123456789") != (size_t)(dash - p))
        return false;
    for (const char *c = dash + 1; *c; c++)
        if (!((*c >= '0' && *c <= '9') || (*c == '.' && c[1] >= '1' && c[1] <= '9')))
            return false;
    return true;
}

static bool label_ok(const char *l)
{
    size_t n = l ? strlen(l) : 0;
    if (n == 0 || n >= sizeof ((rb_port_label *)0)->label)
        return false;
    for (const unsigned char *c = (const unsigned char *)l; *c; c++)
        if (*c < 0x20 || *c == 0x7f || *c == ';' || *c == '=')
            return false;
    return true;
}

static int by_label(const void *a, const void *b)
{
    const rb_port_label *x = a, *y = b;
    int c = natural_cmp(x->label, y->label);
    return c ? c : natural_cmp(x->port, y->port);
}

/* Parses the setting into v (up to MAX_PORTS), unsorted; returns the count. */
static size_t parse(const char *s, rb_port_label *v)
{
    size_t n = 0;
    while (s && *s && n < MAX_PORTS) {
        const char *end = strchr(s, ';');
        size_t len = end ? (size_t)(end - s) : strlen(s);
        char item[96];
        if (len < sizeof item) {
            memcpy(item, s, len);
            item[len] = '\0';
            char *eq = strchr(item, '=');
            if (eq) {
                *eq = '\0';
                if (rb__dev_port_path_ok(item) && label_ok(eq + 1)) {
                    rb__dev_copy(v[n].port, sizeof v[n].port, item);
                    rb__dev_copy(v[n].label, sizeof v[n].label, eq + 1);
                    n++;
                }
            }
        }
        s = end ? end + 1 : NULL;
    }
    return n;
}

size_t rb_device_port_labels(rb_port_label *out, size_t max, const rb_context *ctx)
{
    rb_port_label v[MAX_PORTS];
    size_t n = parse(ctx ? rb_context_setting(ctx, SETTING, NULL) : NULL, v);
    qsort(v, n, sizeof *v, by_label);
    for (size_t i = 0; out && i < n && i < max; i++)
        out[i] = v[i];
    return n;
}

int rb_device_port_label(char *out, size_t cap, const rb_context *ctx, const char *port)
{
    if (out && cap)
        out[0] = '\0';
    if (!port || !*port || !ctx)
        return 0;
    rb_port_label v[MAX_PORTS];
    size_t n = parse(rb_context_setting(ctx, SETTING, NULL), v);
    for (size_t i = 0; i < n; i++)
        if (strcmp(v[i].port, port) == 0) {
            if (out)
                rb__dev_copy(out, cap, v[i].label);
            return 1;
        }
    return 0;
}

rb_status rb_device_set_port_label(rb_context *ctx, const char *port, const char *label)
{
    if (!ctx)
        return RB_ERR_INVALID_ARG;
    if (!rb__dev_port_path_ok(port))
        return rb__error(ctx, RB_ERR_INVALID_ARG,
                         "\"%s\" is not a USB port path (like 1-1.2)", port ? port : "");
    if (label && *label && !label_ok(label))
        return rb__error(ctx, RB_ERR_INVALID_ARG,
                         "a port name must be 1 to 31 characters without ';', '=' or "
                         "control characters");
    rb_port_label v[MAX_PORTS];
    size_t n = parse(rb_context_setting(ctx, SETTING, NULL), v), k = 0;
    for (size_t i = 0; i < n; i++) /* drop this port and any port that had this label */
        if (strcmp(v[i].port, port) != 0 && !(label && strcmp(v[i].label, label) == 0))
            v[k++] = v[i];
    if (label && *label) {
        if (k == MAX_PORTS)
            return rb__error(ctx, RB_ERR_INVALID_ARG, "at most %d ports can be named",
                             MAX_PORTS);
        rb__dev_copy(v[k].port, sizeof v[k].port, port);
        rb__dev_copy(v[k].label, sizeof v[k].label, label);
        k++;
    }
    qsort(v, k, sizeof *v, by_label);
    char buf[MAX_PORTS * 66 + 1] = "";
    size_t off = 0;
    for (size_t i = 0; i < k; i++)
        off += (size_t)snprintf(buf + off, sizeof buf - off, "%s%s=%s", i ? ";" : "",
                                v[i].port, v[i].label);
    return rb_context_set_setting(ctx, SETTING, k ? buf : NULL);
}

static int rank(const rb_device_info *d)
{
    if (d->port_label[0])
        return 0;
    return d->location[0] ? 1 : 2;
}

int rb_device_order_compare(const rb_device_info *a, const rb_device_info *b)
{
    int ra = rank(a), rb = rank(b), c = 0;
    if (ra != rb)
        return ra < rb ? -1 : 1;
    if (ra == 0)
        c = natural_cmp(a->port_label, b->port_label);
    if (!c && ra <= 1)
        c = natural_cmp(a->location, b->location);
    if (!c && a->seen_order != b->seen_order)
        c = a->seen_order < b->seen_order ? -1 : 1;
    return c;
}

void rb__dev_label(rb_device_monitor *mon, rb_device_info *info)
{
    rb_device_port_label(info->port_label, sizeof info->port_label, mon->ctx, info->location);
}
