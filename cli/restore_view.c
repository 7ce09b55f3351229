/* restore_view.c - how `rescuebay restore` shows jobs (text and JSON). */
#include <stdio.h>

#include "restore_view.h"

int cli_restore_exit_code(rb_restore_state st)
{
    switch (st) {
    case RB_RESTORE_DONE: return CLI_OK;
    case RB_RESTORE_FAILED: return CLI_JOB_FAILED;
    case RB_RESTORE_CANCELLED: return CLI_JOB_CANCELLED;
    default: return CLI_JOB_INTERRUPTED;
    }
}

static cJSON *job_json(const rb_restore_job *j)
{
    cJSON *o = cJSON_CreateObject();
    char ecid[24];
    snprintf(ecid, sizeof ecid, "0x%016llX", (unsigned long long)rb_restore_job_ecid(j));
    cJSON_AddNumberToObject(o, "job", (double)rb_restore_job_id(j));
    cJSON_AddStringToObject(o, "state", rb_restore_state_name(rb_restore_job_state(j)));
    cJSON_AddStringToObject(o, "cause", rb_restore_cause_name(rb_restore_job_cause(j)));
    cJSON_AddStringToObject(o, "cause_detail", rb_restore_job_cause_detail(j));
    cJSON_AddStringToObject(o, "next_action", rb_restore_next_name(rb_restore_job_next_action(j)));
    cJSON_AddStringToObject(o, "next_action_text", rb_restore_job_next_action_text(j));
    cJSON_AddNumberToObject(o, "attempts", rb_restore_job_attempts(j));
    cJSON_AddNumberToObject(o, "max_attempts", rb_restore_job_max_attempts(j));
    cJSON_AddNumberToObject(o, "percent", rb_restore_job_percent(j));
    cJSON_AddNumberToObject(o, "eta_seconds", rb_restore_job_eta_seconds(j));
    cJSON_AddNumberToObject(o, "step", rb_restore_job_step(j));
    cJSON_AddStringToObject(o, "ecid", ecid);
    cJSON_AddStringToObject(o, "product_type", rb_restore_job_product_type(j));
    cJSON_AddBoolToObject(o, "erase", rb_restore_job_erase(j));
    cJSON_AddStringToObject(o, "build", rb_restore_job_build(j));
    cJSON_AddStringToObject(o, "version", rb_restore_job_version(j));
    cJSON_AddStringToObject(o, "ipsw", rb_restore_job_ipsw(j));
    cJSON_AddStringToObject(o, "ticket", rb_restore_job_ticket(j));
    cJSON *w = cJSON_AddArrayToObject(o, "warnings");
    unsigned wb = rb_restore_job_warnings(j);
    if (wb & RB_RESTORE_WARN_FIND_MY) cJSON_AddItemToArray(w, cJSON_CreateString("find_my"));
    if (wb & RB_RESTORE_WARN_SIGNING_UNCHECKED)
        cJSON_AddItemToArray(w, cJSON_CreateString("signing_unchecked"));
    if (wb & RB_RESTORE_WARN_BATTERY_UNKNOWN)
        cJSON_AddItemToArray(w, cJSON_CreateString("battery_unknown"));
    if (wb & RB_RESTORE_WARN_WAIVER) cJSON_AddItemToArray(w, cJSON_CreateString("waiver"));
    cJSON_AddBoolToObject(o, "driven", rb_restore_job_driven(j));
    cJSON_AddStringToObject(o, "log", rb_restore_job_log_path(j));
    cJSON_AddStringToObject(o, "created_at", rb_restore_job_created_at(j));
    cJSON_AddStringToObject(o, "updated_at", rb_restore_job_updated_at(j));
    return o;
}

static void print_job(const rb_restore_job *j)
{
    rb_restore_state st = rb_restore_job_state(j);
    cli_printf("job %lld  %s  0x%016llX  %s  %s iOS %s (%s)\n", (long long)rb_restore_job_id(j),
           rb_restore_state_name(st), (unsigned long long)rb_restore_job_ecid(j),
           rb_restore_job_product_type(j), rb_restore_job_erase(j) ? "erase to" : "update to",
           rb_restore_job_version(j)[0] ? rb_restore_job_version(j) : "?",
           rb_restore_job_build(j)[0] ? rb_restore_job_build(j) : "?");
    cli_printf("  progress %.0f%%", rb_restore_job_percent(j));
    int eta = rb_restore_job_eta_seconds(j);
    if (eta >= 0 && !rb_restore_state_is_final(st))
        cli_printf(", about %dm%02ds left", eta / 60, eta % 60);
    cli_printf("; attempts %d of %d%s\n", rb_restore_job_attempts(j), rb_restore_job_max_attempts(j),
           rb_restore_job_driven(j) ? "" : (rb_restore_state_is_final(st) ? "" : "; not driven now (run: rescuebay restore resume)"));
    if (rb_restore_job_cause(j) != RB_CAUSE_NONE)
        cli_printf("  cause: %s: %s%s%s\n", rb_restore_cause_name(rb_restore_job_cause(j)),
               rb_restore_cause_text(rb_restore_job_cause(j)),
               rb_restore_job_cause_detail(j)[0] ? " " : "", rb_restore_job_cause_detail(j));
    if (rb_restore_job_next_action_text(j)[0])
        cli_printf("  next: %s\n", rb_restore_job_next_action_text(j));
    if (rb_restore_job_warnings(j) & RB_RESTORE_WARN_FIND_MY)
        cli_printf("  warning: Find My is on; the owner's Apple ID is needed after the erase\n");
    if (rb_restore_job_ticket(j)[0])
        cli_printf("  ticket: %s\n", rb_restore_job_ticket(j));
}

rb_restore_state cli_restore_show(struct cli *c, rb_restore *rs, int64_t id, bool compact)
{
    rb_restore_job *j = NULL;
    if (rb_restore_job_get(&j, rs, id) != RB_OK)
        return (rb_restore_state)0;
    rb_restore_state st = rb_restore_job_state(j);
    if (c->json) {
        cJSON *o = job_json(j);
        if (compact) {
            cli_print_json_line(o);
        } else {
            cli_print_json(o);
        }
    } else {
        print_job(j);
    }
    fflush(stdout);
    rb_restore_job_free(j);
    return st;
}

int cli_restore_print_jobs(struct cli *c, rb_restore *rs, const int64_t *ids, size_t n, long adopted)
{
    int worst = CLI_OK;
    cJSON *arr = c->json ? cJSON_CreateArray() : NULL;
    for (size_t i = 0; i < n; i++) {
        rb_restore_job *j = NULL;
        if (rb_restore_job_get(&j, rs, ids[i]) != RB_OK)
            continue;
        int e = cli_restore_exit_code(rb_restore_job_state(j));
        if (e > worst)
            worst = e;
        if (arr)
            cJSON_AddItemToArray(arr, job_json(j));
        else
            print_job(j);
        rb_restore_job_free(j);
    }
    if (arr) {
        cJSON *o = cJSON_CreateObject();
        if (adopted >= 0)
            cJSON_AddNumberToObject(o, "adopted", (double)adopted);
        cJSON_AddItemToObject(o, "jobs", arr);
        cli_print_json(o);
    }
    return worst;
}
