/* fault.c - scripted faults: `fault = STEP:ACTION` in a scenario, `ctl fault ID STEP ACTION`.
 *
 * A fault is one-shot: it fires the first time the device reaches STEP, so the next attempt
 * (a resumed restore) gets through. `ctl reset` re-arms the scenario's faults. The steps and
 * actions are listed in docs/sim.md; keep the two tables below and that page in step. */
#include "sim.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* where a fault can fire, and which actions make sense there */
static const struct {
    const char *step;
    const char *actions; /* space separated; "amr" takes =N */
} steps[] = {
    {"ibss", " unplug replug silent "},       /* DFU upload of iBSS */
    {"ibec", " unplug replug silent "},       /* recovery (or DFU) upload of iBEC */
    {"logo", " unplug replug silent "},       /* RestoreLogo upload */
    {"ramdisk", " unplug replug silent "},    /* RestoreRamDisk upload */
    {"devicetree", " unplug replug silent "}, /* RestoreDeviceTree upload */
    {"kernel", " unplug replug silent "},     /* RestoreKernelCache upload */
    {"restore", " unplug replug silent amr "},/* restore mode, right after StartRestore */
    {"asr", " unplug replug silent error "},  /* half-way through the OS image (error: at
                                                 validation, then more messages: masked) */
    {"nor", " unplug replug silent amr "},    /* while flashing NOR (after NORData) */
    {"final", " unplug replug silent amr "},  /* amr: the final status carries AMRError N;
                                                 others: after the host acknowledged it */
    {"tss", " refuse hang "},                 /* the signing request for this ECID */
};

int sim_fault_parse(const char *spec, struct sim_fault *f)
{
    char step[16] = "", action[16] = "";
    memset(f, 0, sizeof *f);
    if (sscanf(spec, " %15[^: ] : %15s", step, action) != 2)
        return -1;
    char *eq = strchr(action, '=');
    if (eq) {
        char *end = NULL;
        long n = strtol(eq + 1, &end, 0);
        if (!end || *end || n <= 0 || n > 255)
            return -1;
        f->arg = (int)n;
        *eq = 0;
    }
    if (!strcmp(action, "amr") != !!eq) /* amr needs =N, nothing else takes one */
        return -1;
    for (size_t i = 0; i < sizeof steps / sizeof *steps; i++) {
        if (strcmp(step, steps[i].step))
            continue;
        char key[24];
        snprintf(key, sizeof key, " %s ", action);
        if (!strstr(steps[i].actions, key))
            return -1;
        snprintf(f->step, sizeof f->step, "%s", step);
        snprintf(f->action, sizeof f->action, "%s", action);
        return 0;
    }
    return -1;
}

int sim_fault_take(struct sim_device *d, const char *step, struct sim_fault *out)
{
    for (int i = 0; i < d->nfaults; i++)
        if (!strcmp(d->faults[i].step, step)) {
            *out = d->faults[i];
            d->faults[i] = d->faults[--d->nfaults];
            return 1;
        }
    return 0;
}

/* A device change a moment from now, dropped if anything else happened to it meanwhile. */
struct timer {
    struct sim_device *d;
    unsigned epoch;
    int ms;
    int leave;       /* 1: reboot into mode; 0: plug back in */
    sim_mode mode;
};

static void *timer_main(void *arg)
{
    struct timer *t = arg;
    sim_msleep(t->ms);
    pthread_mutex_lock(&g_sim.lock);
    if (t->d->epoch == t->epoch) {
        if (t->leave)
            sim_later_mode(t->d, t->mode);
        else
            sim_set_attached(t->d, 1);
    }
    pthread_mutex_unlock(&g_sim.lock);
    free(t);
    return NULL;
}

/* Under lock. Returns -1 when no thread could be started (the caller acts at once). */
static int later(struct sim_device *d, int ms, int leave, sim_mode mode)
{
    struct timer *t = malloc(sizeof *t);
    pthread_t th;
    if (!t)
        return -1;
    *t = (struct timer){d, d->epoch, ms, leave, mode};
    if (pthread_create(&th, NULL, timer_main, t) != 0) {
        free(t);
        return -1;
    }
    pthread_detach(th);
    return 0;
}

/* The cable comes out mid-restore. The device boots in `mode` the next time it is plugged
 * in (recovery when interrupted; normal when the restore had finished): at once for
 * `replug` (after reboot_ms), else at `ctl attach`. */
void sim_fault_unplug(struct sim_device *d, int replug, sim_mode mode)
{
    if (mode != SIM_NORMAL) {
        snprintf(d->rs.last, sizeof d->rs.last, "failed: unplugged (%s)", d->rs.step);
        sim_nv_set(d, "auto-boot", "false");
    }
    d->rs.step[0] = 0;
    sim_set_attached(d, 0);
    sim_set_mode(d, mode);
    if (replug && later(d, d->p.reboot_ms >= 0 ? d->p.reboot_ms : g_sim.reboot_ms, 0, mode) != 0)
        sim_set_attached(d, 1);
}

/* Under lock: the device reboots into mode m, but only leaves the bus after_ms from now,
 * as a real one does after EnterRecovery (a host that starts waiting for the departure
 * right after its request must not miss it). */
void sim_leave_later(struct sim_device *d, sim_mode m, int after_ms)
{
    if (later(d, after_ms, 1, m) != 0)
        sim_later_mode(d, m);
}

/* ctl fault ID STEP ACTION | ctl fault ID clear | ctl fault ID list */
int sim_fault_ctl(struct sim_device *d, int argc, const char **argv, char **text)
{
    if (argc == 3 && !strcmp(argv[2], "clear")) {
        d->nfaults = 0;
        *text = strdup("ok");
        return 0;
    }
    if (argc == 3 && !strcmp(argv[2], "list")) {
        char buf[SIM_MAX_FAULTS * 40] = "";
        for (int i = 0; i < d->nfaults; i++) {
            size_t n = strlen(buf);
            snprintf(buf + n, sizeof buf - n, "%s%s:%s", i ? " " : "", d->faults[i].step,
                     d->faults[i].action);
            if (d->faults[i].arg) {
                n = strlen(buf);
                snprintf(buf + n, sizeof buf - n, "=%d", d->faults[i].arg);
            }
        }
        *text = strdup(buf);
        return 0;
    }
    char spec[80];
    struct sim_fault f;
    if (argc == 4)
        snprintf(spec, sizeof spec, "%s:%s", argv[2], argv[3]);
    if (argc != 4 || sim_fault_parse(spec, &f) != 0) {
        *text = strdup("usage: fault ID STEP ACTION | fault ID clear | fault ID list "
                       "(steps and actions: docs/sim.md)");
        return -1;
    }
    if (d->nfaults == SIM_MAX_FAULTS) {
        *text = strdup("too many faults armed");
        return -1;
    }
    d->faults[d->nfaults++] = f;
    *text = strdup("ok");
    return 0;
}
