/* restore/parse.c - idevicerestore's output and exit status -> steps, percent and causes.
 *
 * Facts (reference/restore-protocol.md §3, restore-tools.md §1.5-1.8): with -P the tool
 * prints "progress: <step> <fraction>"; success ends with "DONE", failure with "RESTORE
 * FAILED"; Debian's 1.0.0 exits 256-N for an internal -N (255, 254, 251, 245, 256-AMRError)
 * and may exit 0 after an error it overwrote ("masked failure": "ERROR:" on stderr only).
 * So the verdict is taken from the markers, the error lines and the exit status together,
 * and even then only the device coming back with the build proves it.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "restore/restore_private.h"

void rb__rs_parse_init(struct rs_parse *p)
{
    memset(p, 0, sizeof *p);
    p->step = -1;
    p->fraction = -1;
}

static int has(const char *line, const char *needle)
{
    return strstr(line, needle) != NULL;
}

/* Lines as the tool prints them may carry colour codes or a "\r[===] 12.3%" bar. */
static const char *skip_noise(const char *s)
{
    const char *cr = strrchr(s, '\r');
    if (cr)
        s = cr + 1;
    while (*s == ' ' || *s == '\t')
        s++;
    return s;
}

static void note_error(struct rs_parse *p, const char *line)
{
    p->error_lines++;
    snprintf(p->last_error, sizeof p->last_error, "%s", line);
    size_t n = strlen(p->last_error);
    while (n && (p->last_error[n - 1] == ' ' || p->last_error[n - 1] == '\n'))
        p->last_error[--n] = '\0';
}

int rb__rs_parse_line(struct rs_parse *p, const char *raw, int is_stderr)
{
    const char *line = skip_noise(raw);
    p->lines++;
    unsigned step;
    double frac;
    if (sscanf(line, "progress: %u %lf", &step, &frac) == 2) {
        if (step > 7 || frac < 0 || frac > 1.0001)
            return 0;
        int changed = (int)step != p->step || frac != p->fraction;
        p->step = (int)step;
        p->fraction = frac > 1 ? 1 : frac;
        return changed;
    }
    if (strcmp(line, "DONE") == 0) {
        p->done_seen = 1;
        return 0;
    }
    if (has(line, "RESTORE FAILED")) {
        p->failed_seen = 1;
        return 0;
    }
    if (has(line, "Status: Restore Finished"))
        p->finished_status = 1;
    const char *amr = strstr(line, "AMRError");
    if (amr) {
        const char *d = amr + 8;
        while (*d && !isdigit((unsigned char)*d))
            d++;
        long n = strtol(d, NULL, 10);
        if (n > 0 && n < 100000)
            p->amr_error = (int)n;
    }
    if (!strncmp(line, "Found device in ", 16))
        sscanf(line + 16, "%15s", p->mode_seen);
    if (has(line, "Unable to discover device type") || has(line, "Unknown device") ||
        has(line, "Unable to identify device"))
        p->unknown_type = 1;
    if (has(line, "Unable to discover device mode") || has(line, "No device found") ||
        has(line, "Unable to find device ECID") || has(line, "Unable to find device"))
        p->no_device = 1;
    if (has(line, "TSS") || has(line, "SHSH") || has(line, "signing"))
        if (has(line, "ERROR") || has(line, "Unable") || has(line, "failed") || has(line, "Failed"))
            p->signing = 1;
    if (has(line, "not being signed") || has(line, "isn't eligible") ||
        has(line, "is not eligible") || has(line, "This device isn't eligible"))
        p->not_signed = 1;
    if (has(line, "Could not read data") || has(line, "disconnected") ||
        has(line, "Unable to send data to ASR") || has(line, "Unable to send payload to ASR") ||
        has(line, "Device did not reconnect") || has(line, "device disconnected"))
        p->disconnected = 1;
    if (has(line, "Unable to place device into restore mode") ||
        has(line, "Device failed to enter restore mode") || has(line, "Unable to send iBEC") ||
        has(line, "Device did not disconnect"))
        p->restore_mode = 1;
    if (has(line, "Unable to enter recovery mode") || has(line, "Failed to enter recovery mode") ||
        has(line, "Failed to place device in recovery mode"))
        p->enter_recovery = 1;
    if (!strncmp(line, "ERROR", 5) || has(line, "<Error>") || (is_stderr && has(line, "ERROR:")))
        note_error(p, line);
    return 0;
}

static void set(struct rs_verdict *v, rb_restore_cause c, int retryable, const char *detail)
{
    v->cause = c;
    v->retryable = retryable;
    v->next = rb__rs_next_for_cause(c);
    snprintf(v->detail, sizeof v->detail, "%s", detail);
}

/* The cause named by the output, whatever the exit status was. */
static int from_messages(struct rs_verdict *v, const struct rs_parse *p, char *d)
{
    if (p->unknown_type) {
        set(v, RB_CAUSE_MODEL_TOO_NEW, 0, d);
        return 1;
    }
    if (p->not_signed) {
        set(v, RB_CAUSE_NOT_SIGNED, 0, d);
        return 1;
    }
    if (p->amr_error) {
        /* 6 disk failure, 1015 baseband: the device is broken; another run cannot help. */
        int fatal = p->amr_error == 6 || p->amr_error == 1015;
        set(v, RB_CAUSE_AMR_ERROR, !fatal, d);
        if (fatal)
            v->next = RB_RESTORE_NEXT_CONTACT_APPLE;
        return 1;
    }
    if (p->signing) {
        set(v, RB_CAUSE_SIGNING_FAILED, 1, d);
        return 1;
    }
    if (p->disconnected) {
        set(v, RB_CAUSE_DEVICE_GONE, 1, d);
        return 1;
    }
    if (p->restore_mode) {
        set(v, RB_CAUSE_RESTORE_MODE_FAILED, 1, d);
        return 1;
    }
    if (p->enter_recovery) {
        set(v, RB_CAUSE_ENTER_RECOVERY_FAILED, 1, d);
        return 1;
    }
    if (p->no_device) {
        set(v, RB_CAUSE_NOT_DETECTED, 1, d);
        return 1;
    }
    return 0;
}

void rb__rs_classify(struct rs_verdict *v, const struct rs_parse *p, int how, int code)
{
    memset(v, 0, sizeof *v);
    char d[384];
    const char *last = p->last_error[0] ? p->last_error : "";
    if (how == 3) {
        set(v, RB_CAUSE_CANCELLED, 0, "cancelled while the tool ran");
        return;
    }
    if (how == 2) {
        snprintf(d, sizeof d, "no output from the tool for too long (last step %d)", p->step);
        set(v, RB_CAUSE_TOOL_HUNG, 1, d);
        return;
    }
    if (how == 1) {
        snprintf(d, sizeof d, "the tool was killed by signal %d", code);
        set(v, RB_CAUSE_TOOL_KILLED, 1, d);
        return;
    }
    if (code == 0) {
        if (p->done_seen && !p->failed_seen && p->error_lines == 0) {
            v->success = 1;
            v->next = RB_RESTORE_NEXT_WAIT;
            snprintf(v->detail, sizeof v->detail, "the tool reports the restore finished");
            return;
        }
        snprintf(d, sizeof d, "exit 0 but %s%s%s", p->error_lines ? "errors were reported: " : "",
                 p->error_lines ? last : "", p->done_seen ? "" : " (no DONE)");
        if (p->amr_error || p->unknown_type || p->not_signed) {
            from_messages(v, p, d);
            return;
        }
        set(v, RB_CAUSE_MASKED_FAILURE, 1, d);
        return;
    }
    snprintf(d, sizeof d, "exit %d%s%s", code, last[0] ? ": " : "", last);
    /* 256-N of an AMRError: the status message said which; else the exit code does. */
    if (from_messages(v, p, d))
        return;
    switch (code) {
    case 255:
        set(v, RB_CAUSE_TOOL_FAILED, 1, d);
        break;
    case 254:
        set(v, RB_CAUSE_RESTORE_MODE_FAILED, 1, d);
        break;
    case 251:
        set(v, RB_CAUSE_ENTER_RECOVERY_FAILED, 1, d);
        break;
    case 245:
        set(v, RB_CAUSE_DEVICE_GONE, 1, d);
        break;
    default:
        /* Any other 256-N: the device's AMRError N (14 "Fail" -> 242), printed or not. */
        if (code > 1 && code < 255) {
            int n = 256 - code;
            snprintf(d, sizeof d, "exit %d: the device reported AMRError %d%s%s", code, n,
                     last[0] ? ": " : "", last);
            set(v, RB_CAUSE_AMR_ERROR, n != 6, d);
            if (n == 6)
                v->next = RB_RESTORE_NEXT_CONTACT_APPLE;
        } else {
            set(v, RB_CAUSE_TOOL_FAILED, 1, d);
        }
        break;
    }
}

/* How the job's 0..100 is shared: preflight 0-5, entering recovery 5-10, the tool 10-90
 * (its steps weighted by how long they take: the filesystem upload dominates), rebooting
 * 90-97, verifying 97-100. */
double rb__rs_percent(rb_restore_state state, int step, double fraction)
{
    static const double lo[8] = {0, 2, 15, 75, 85, 95, 97, 98};
    static const double hi[8] = {2, 15, 75, 85, 95, 97, 100, 100};
    switch (state) {
    case RB_RESTORE_PREFLIGHT:
        return 2;
    case RB_RESTORE_ENTERING_RECOVERY:
    case RB_RESTORE_WAITING_FOR_BUTTONS:
        return 7;
    case RB_RESTORE_RESTORING: {
        if (step < 0 || step > 7)
            return 10;
        double f = fraction < 0 ? 0 : fraction > 1 ? 1 : fraction;
        return 10 + 0.8 * (lo[step] + (hi[step] - lo[step]) * f);
    }
    case RB_RESTORE_REBOOTING:
        return 92;
    case RB_RESTORE_VERIFYING:
        return 98;
    case RB_RESTORE_DONE:
        return 100;
    default:
        return -1;
    }
}
