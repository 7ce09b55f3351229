/* scenario.c - reads the INI-like scenario files described in docs/sim.md. */
#include "sim.h"

#include <ctype.h>
#include <errno.h>
#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

static const char *mode_names[] = {"normal", "recovery", "dfu", "restore"};

const char *sim_mode_name(sim_mode m)
{
    return (unsigned)m < 4 ? mode_names[m] : "unknown";
}

int sim_mode_parse(const char *s, sim_mode *out)
{
    for (int i = 0; i < 4; i++)
        if (strcasecmp(s, mode_names[i]) == 0) {
            *out = (sim_mode)i;
            return 0;
        }
    return -1;
}

static void profile_defaults(struct sim_profile *p, const char *name, int index)
{
    memset(p, 0, sizeof *p);
    snprintf(p->name, sizeof p->name, "%s", name);
    p->mode = SIM_NORMAL;
    p->attached = 1;
    strcpy(p->product_type, "iPhone12,1");
    strcpy(p->hardware_model, "N104AP");
    strcpy(p->cpu_arch, "arm64e");
    p->ecid = 0x001A2B3C4D5E6F70ULL + (uint64_t)index;
    p->cpid = 0x8030;
    p->bdid = 0x04;
    snprintf(p->serial, sizeof p->serial, "F2LSIM%06d", index + 1);
    snprintf(p->imei, sizeof p->imei, "3567890123456%02d", index % 100);
    strcpy(p->ios_version, "16.7.2");
    strcpy(p->build_version, "20H115");
    snprintf(p->device_name, sizeof p->device_name, "Simulated %s", name);
    snprintf(p->wifi_mac, sizeof p->wifi_mac, "00:11:22:33:44:%02x", (index + 0x55) & 0xff);
    strcpy(p->iboot, "iBoot-8422.141.2");
    p->battery_percent = 87;
    p->battery_cycles = 123;
    p->disk_total = 64000000000LL;
    p->disk_free = 12345678901LL;
    strcpy(p->activation, "Activated");
    p->trust = TRUST_ACCEPT;
    p->trust_pending = 1;
    snprintf(p->port, sizeof p->port, "1-%d", index % 127 + 1);
    p->reboot_ms = -1;
}

static int parse_bool(const char *v, int *out)
{
    if (!strcasecmp(v, "yes") || !strcasecmp(v, "true") || !strcasecmp(v, "on") || !strcmp(v, "1"))
        *out = 1;
    else if (!strcasecmp(v, "no") || !strcasecmp(v, "false") || !strcasecmp(v, "off") ||
             !strcmp(v, "0"))
        *out = 0;
    else
        return -1;
    return 0;
}

static int parse_u64(const char *v, uint64_t *out)
{
    char *end = NULL;
    errno = 0;
    unsigned long long x = strtoull(v, &end, 0);
    if (errno || !end || *end || end == v)
        return -1;
    *out = x;
    return 0;
}

#define STR(field) \
    if (!strcmp(key, #field)) { snprintf(p->field, sizeof p->field, "%s", val); return 0; }

int sim_profile_set(struct sim_profile *p, const char *key, const char *val)
{
    uint64_t u;
    STR(product_type) STR(hardware_model) STR(device_class) STR(cpu_arch) STR(udid)
    STR(serial) STR(imei) STR(build_version) STR(device_name) STR(wifi_mac) STR(iboot)
    STR(activation)
    if (!strcmp(key, "ios") || !strcmp(key, "ios_version")) {
        snprintf(p->ios_version, sizeof p->ios_version, "%s", val);
        return 0;
    }
    if (!strcmp(key, "build")) {
        snprintf(p->build_version, sizeof p->build_version, "%s", val);
        return 0;
    }
    if (!strcmp(key, "mode"))
        return sim_mode_parse(val, &p->mode);
    if (!strcmp(key, "fault"))
        return p->nfaults < SIM_MAX_FAULTS && sim_fault_parse(val, &p->faults[p->nfaults]) == 0
                   ? (p->nfaults++, 0) : -1;
    if (!strcmp(key, "attached"))
        return parse_bool(val, &p->attached);
    if (!strcmp(key, "paired"))
        return parse_bool(val, &p->paired);
    if (!strcmp(key, "charging"))
        return parse_bool(val, &p->battery_charging);
    if (!strcmp(key, "find_my"))
        return parse_bool(val, &p->find_my);
    if (!strcmp(key, "trust")) {
        if (!strcasecmp(val, "accept"))
            p->trust = TRUST_ACCEPT;
        else if (!strcasecmp(val, "refuse"))
            p->trust = TRUST_REFUSE;
        else if (!strcasecmp(val, "wait"))
            p->trust = TRUST_WAIT;
        else
            return -1;
        return 0;
    }
    if (!strcmp(key, "location") || !strcmp(key, "port"))
        return sim_port_ok(val) ? (snprintf(p->port, sizeof p->port, "%s", val), 0) : -1;
    if (parse_u64(val, &u) != 0)
        return -1;
    if (!strcmp(key, "ecid")) p->ecid = u;
    else if (!strcmp(key, "cpid")) p->cpid = (uint32_t)u;
    else if (!strcmp(key, "bdid")) p->bdid = (uint32_t)u;
    else if (!strcmp(key, "battery")) p->battery_percent = (int)(u > 100 ? 100 : u);
    else if (!strcmp(key, "battery_cycles")) p->battery_cycles = (int)u;
    else if (!strcmp(key, "disk_total")) p->disk_total = (int64_t)u;
    else if (!strcmp(key, "disk_free")) p->disk_free = (int64_t)u;
    else if (!strcmp(key, "trust_pending")) p->trust_pending = (int)u;
    else if (!strcmp(key, "slow_ms")) p->slow_ms = (int)u;
    else if (!strcmp(key, "reboot_ms")) p->reboot_ms = (int)(u > 600000 ? 600000 : u);
    else return -1;
    return 0;
}

static void profile_finish(struct sim_profile *p)
{
    if (!p->device_class[0]) {
        const char *classes[] = {"iPhone", "iPad", "iPod", "AppleTV", "Watch"};
        strcpy(p->device_class, "iPhone");
        for (size_t i = 0; i < sizeof classes / sizeof *classes; i++)
            if (!strncmp(p->product_type, classes[i], strlen(classes[i])))
                strcpy(p->device_class, classes[i]);
    }
    if (!p->udid[0]) /* A12 and later style: CPID-ECID */
        snprintf(p->udid, sizeof p->udid, "%08" PRIX32 "-%016" PRIX64, p->cpid, p->ecid);
}

static char *trim(char *s)
{
    while (isspace((unsigned char)*s))
        s++;
    char *e = s + strlen(s);
    while (e > s && isspace((unsigned char)e[-1]))
        *--e = 0;
    return s;
}

int sim_scenario_load(const char *path, char *err, size_t errlen)
{
    FILE *f = fopen(path, "r");
    if (!f) {
        snprintf(err, errlen, "%s: %s", path, strerror(errno));
        return -1;
    }
    char line[1024];
    int lineno = 0, section = 0; /* 0 none, 1 [sim], 2 device */
    struct sim_profile *cur = NULL;
    while (fgets(line, sizeof line, f)) {
        lineno++;
        char *s = trim(line);
        if (!*s || *s == '#' || *s == ';')
            continue;
        if (*s == '[') {
            char *close = strchr(s, ']');
            if (!close) goto bad;
            *close = 0;
            char *sec = trim(s + 1);
            if (!strcmp(sec, "sim")) {
                section = 1;
                continue;
            }
            if (strncmp(sec, "device", 6) != 0 || g_sim.ndev >= SIM_MAX_DEVICES)
                goto bad;
            char *name = trim(sec + 6);
            if (!*name) goto bad;
            cur = &g_sim.dev[g_sim.ndev].p;
            profile_defaults(cur, name, g_sim.ndev);
            g_sim.ndev++;
            section = 2;
            continue;
        }
        char *eq = strchr(s, '=');
        if (!eq) goto bad;
        *eq = 0;
        char *key = trim(s), *val = trim(eq + 1);
        if (section == 1) {
            uint64_t u;
            if (!strcmp(key, "buid"))
                snprintf(g_sim.buid, sizeof g_sim.buid, "%s", val);
            else if (!strcmp(key, "reboot_ms") && parse_u64(val, &u) == 0)
                g_sim.reboot_ms = (int)u;
            else
                goto bad;
        } else if (section != 2 || sim_profile_set(cur, key, val) != 0) {
            goto bad;
        }
    }
    fclose(f);
    for (int i = 0; i < g_sim.ndev; i++)
    {
        profile_finish(&g_sim.dev[i].p);
        g_sim.dev[i].orig = g_sim.dev[i].p;
    }
    return 0;
bad:
    snprintf(err, errlen, "%s:%d: cannot parse this line", path, lineno);
    fclose(f);
    return -1;
}
