/* restore/report.c - what a job tells the outside: progress callbacks, ticket events,
 * and the settings it reads. */
#include <stdlib.h>
#include <string.h>

#include "restore/restore_private.h"
#include "rescuebay/tickets.h"

long rb__rs_setting_long(rb_context *ctx, const char *key, long fallback)
{
    const char *v = rb_context_setting(ctx, key, NULL);
    if (!v || !*v)
        return fallback;
    char *end = NULL;
    long n = strtol(v, &end, 10);
    return end && end != v && n >= 0 ? n : fallback;
}

void rb__rs_ticket_event(rb_context *ctx, const struct rs_job *job, int type, const char *summary,
                         const char *detail_json)
{
    if (!job->ticket[0])
        return;
    rb_ticket_store *ts = NULL;
    if (rb_ticket_store_open(&ts, ctx, NULL) == RB_OK)
        if (rb_ticket_event_append(ts, job->ticket, (rb_ticket_event_type)type, summary,
                                   detail_json) != RB_OK)
            rb__log("restore", "ticket %s: %s", job->ticket, rb_ticket_store_last_error(ts));
    rb_ticket_store_free(ts);
}

int rb__rs_report(struct rs_runner *r)
{
    struct rs_manager *m = r->m;
    if (!m->progress)
        return 0;
    rb_restore_progress p;
    memset(&p, 0, sizeof p);
    p.version = RB_RESTORE_PROGRESS_VERSION;
    p.step = r->job.step;
    p.step_fraction = r->fraction;
    if (r->job.step == RB_RESTORE_STEP_FIRMWARE) {
        p.bytes_done = r->fw_done;
        p.bytes_total = r->fw_total;
        p.step_fraction = r->fw_total ? (double)r->fw_done / (double)r->fw_total : -1;
    }
    p.job = r->job.id;
    p.ecid = r->job.ecid;
    p.state = r->job.state;
    p.cause = r->job.cause;
    p.percent = r->job.percent;
    p.eta_seconds = r->job.eta;
    p.attempts = r->job.attempts;
    if (m->progress(&p, m->payload) < 0) {
        pthread_mutex_lock(&m->mu);
        r->cancel = true;
        pthread_mutex_unlock(&m->mu);
        return 1;
    }
    return 0;
}
