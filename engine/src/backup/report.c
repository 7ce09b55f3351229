/* backup/report.c - findings, verdict and the names used by the CLI and the kiosk. */
#include <stdarg.h>
#include <stdint.h>
#include <stddef.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "backup/backup_private.h"

static const char *const verdict_names[] = {"restorable", "corrupt", "not_compatible",
                                            "password_needed", "wrong_password"};
static const char *const severity_names[] = {"info", "warning", "error"};
static const char *const category_names[RB_BACKUP_CATEGORY_COUNT] = {
    "photos", "messages", "contacts", "call_history", "notes", "voice_memos",
    "safari", "app_data", "health", "keychain", "other"};

const char *rb_backup_verdict_name(rb_backup_verdict v)
{
    return (unsigned)v < 5 ? verdict_names[v] : "unknown";
}

const char *rb_backup_severity_name(rb_backup_severity s)
{
    return (unsigned)s < 3 ? severity_names[s] : "unknown";
}

const char *rb_backup_category_name(rb_backup_category c)
{
    return (unsigned)c < RB_BACKUP_CATEGORY_COUNT ? category_names[c] : "unknown";
}

rb_status rb_backup_category_from_name(rb_backup_category *out, const char *name)
{
    for (int i = 0; name && i < RB_BACKUP_CATEGORY_COUNT; i++)
        if (strcmp(name, category_names[i]) == 0) {
            *out = (rb_backup_category)i;
            return RB_OK;
        }
    return RB_ERR_NOT_FOUND;
}

static bool starts(const char *s, const char *prefix)
{
    return strncmp(s, prefix, strlen(prefix)) == 0;
}

rb_backup_category rb_backup_classify(const char *domain, const char *rel)
{
    if (!domain)
        return RB_BACKUP_CAT_OTHER;
    if (!rel)
        rel = "";
    if (strcmp(domain, "CameraRollDomain") == 0 ||
        (strcmp(domain, "MediaDomain") == 0 && starts(rel, "Media/DCIM")))
        return RB_BACKUP_CAT_PHOTOS;
    if (strcmp(domain, "HomeDomain") == 0 || strcmp(domain, "MediaDomain") == 0) {
        if (starts(rel, "Library/SMS"))
            return RB_BACKUP_CAT_MESSAGES;
        if (starts(rel, "Library/AddressBook"))
            return RB_BACKUP_CAT_CONTACTS;
        if (starts(rel, "Library/CallHistory"))
            return RB_BACKUP_CAT_CALL_HISTORY;
        if (starts(rel, "Library/Notes"))
            return RB_BACKUP_CAT_NOTES;
        if (starts(rel, "Media/Recordings") || starts(rel, "Library/Recordings"))
            return RB_BACKUP_CAT_VOICE_MEMOS;
        if (starts(rel, "Library/Safari"))
            return RB_BACKUP_CAT_SAFARI;
    }
    if (strcmp(domain, "WirelessDomain") == 0 && starts(rel, "Library/CallHistory"))
        return RB_BACKUP_CAT_CALL_HISTORY;
    if (strcmp(domain, "AppDomainGroup-group.com.apple.notes") == 0)
        return RB_BACKUP_CAT_NOTES;
    if (strcmp(domain, "AppDomainGroup-group.com.apple.VoiceMemos.shared") == 0 ||
        strcmp(domain, "AppDomain-com.apple.VoiceMemos") == 0)
        return RB_BACKUP_CAT_VOICE_MEMOS;
    if (strcmp(domain, "AppDomain-com.apple.mobilesafari") == 0 ||
        strcmp(domain, "AppDomainGroup-group.com.apple.mobilesafari") == 0)
        return RB_BACKUP_CAT_SAFARI;
    if (strcmp(domain, "HealthDomain") == 0)
        return RB_BACKUP_CAT_HEALTH;
    if (strcmp(domain, "KeychainDomain") == 0)
        return RB_BACKUP_CAT_KEYCHAIN;
    if (starts(domain, "AppDomain"))
        return RB_BACKUP_CAT_APP_DATA;
    return RB_BACKUP_CAT_OTHER;
}

rb_backup_report *rb__bk_report_new(size_t max_findings)
{
    rb_backup_report *r = calloc(1, sizeof *r);
    if (!r)
        return NULL;
    r->maxfindings = max_findings ? max_findings : 1000;
    r->info.encrypted = -1;
    r->info.snapshot_finished = -1;
    return r;
}

static char *dup0(const char *s)
{
    return rb__strdup(s ? s : "");
}

int rb__bk_report_add(rb_backup_report *r, const char *code, rb_backup_severity sev,
                  rb_backup_verdict verdict, const char *domain, const char *path,
                  const char *file_id, const char *fmt, ...)
{
    size_t i;
    for (i = 0; i < r->ncodes; i++)
        if (strcmp(r->codes[i].code, code) == 0)
            break;
    if (i == r->ncodes && i < BK_MAX_CODES) {
        r->codes[i].code = code;
        r->codes[i].worst = RB_BACKUP_INFO;
        r->ncodes++;
    }
    if (i < BK_MAX_CODES) {
        r->codes[i].count++;
        if (sev > r->codes[i].worst)
            r->codes[i].worst = sev;
    }
    if (sev == RB_BACKUP_ERROR) {
        r->summary.errors++;
        r->any[verdict] = true;
    } else if (sev == RB_BACKUP_WARNING) {
        r->summary.warnings++;
    } else {
        r->summary.infos++;
    }
    if (r->nfindings >= r->maxfindings) {
        r->summary.findings_dropped++;
        r->dropped_errors += sev == RB_BACKUP_ERROR;
        return 0;
    }
    if (r->nfindings == r->capfindings) {
        size_t cap = r->capfindings ? r->capfindings * 2 : 16;
        if (cap > r->maxfindings)
            cap = r->maxfindings;
        rb_backup_finding *f = realloc(r->findings, cap * sizeof *f);
        if (!f)
            return -1;
        r->findings = f;
        r->capfindings = cap;
    }
    char detail[768];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(detail, sizeof detail, fmt, ap);
    va_end(ap);
    rb_backup_finding *f = &r->findings[r->nfindings];
    f->code = code;
    f->severity = sev;
    f->verdict = verdict;
    f->domain = dup0(domain);
    f->relative_path = dup0(path);
    f->file_id = dup0(file_id);
    f->detail = dup0(detail);
    if (!f->domain || !f->relative_path || !f->file_id || !f->detail) {
        rb__free_const(f->domain);
        rb__free_const(f->relative_path);
        rb__free_const(f->file_id);
        rb__free_const(f->detail);
        return -1;
    }
    r->nfindings++;
    return 0;
}

void rb__bk_report_merge(rb_backup_report *dst, rb_backup_report *src)
{
    for (size_t i = 0; i < src->ncodes; i++) {
        size_t j;
        for (j = 0; j < dst->ncodes; j++)
            if (strcmp(dst->codes[j].code, src->codes[i].code) == 0)
                break;
        if (j == dst->ncodes && j < BK_MAX_CODES) {
            dst->codes[j].code = src->codes[i].code;
            dst->codes[j].worst = RB_BACKUP_INFO;
            dst->ncodes++;
        }
        if (j < BK_MAX_CODES) {
            dst->codes[j].count += src->codes[i].count;
            if (src->codes[i].worst > dst->codes[j].worst)
                dst->codes[j].worst = src->codes[i].worst;
        }
    }
    uint64_t *d = (uint64_t *)&dst->summary;
    const uint64_t *s = (const uint64_t *)&src->summary;
    for (size_t i = 0; i < sizeof dst->summary / sizeof(uint64_t); i++)
        d[i] += s[i];
    for (int c = 0; c < RB_BACKUP_CATEGORY_COUNT; c++) {
        dst->cats[c].files_intact += src->cats[c].files_intact;
        dst->cats[c].bytes_intact += src->cats[c].bytes_intact;
        dst->cats[c].files_damaged += src->cats[c].files_damaged;
        dst->cats[c].bytes_damaged += src->cats[c].bytes_damaged;
    }
    for (int k = 0; k < 5; k++)
        dst->any[k] = dst->any[k] || src->any[k];
    size_t room = dst->maxfindings > dst->nfindings ? dst->maxfindings - dst->nfindings : 0;
    size_t take = src->nfindings < room ? src->nfindings : room;
    if (take && dst->capfindings < dst->nfindings + take) {
        rb_backup_finding *f = realloc(dst->findings, (dst->nfindings + take) * sizeof *f);
        if (!f)
            take = 0;
        else {
            dst->findings = f;
            dst->capfindings = dst->nfindings + take;
        }
    }
    if (take)
        memcpy(dst->findings + dst->nfindings, src->findings, take * sizeof *src->findings);
    dst->nfindings += take;
    /* Findings that did not fit are dropped (and counted); their strings are freed. */
    dst->summary.findings_dropped += src->nfindings - take;
    dst->dropped_errors += src->dropped_errors;
    for (size_t i = take; i < src->nfindings; i++) {
        dst->dropped_errors += src->findings[i].severity == RB_BACKUP_ERROR;
        rb__free_const(src->findings[i].domain);
        rb__free_const(src->findings[i].relative_path);
        rb__free_const(src->findings[i].file_id);
        rb__free_const(src->findings[i].detail);
    }
    src->nfindings = 0;
    src->dropped_errors = 0;
    memset(&src->summary, 0, sizeof src->summary);
    src->ncodes = 0;
}

void rb__bk_report_finish(rb_backup_report *r)
{
    /* Damage first: it cannot be fixed. Then what the counter can fix: update the device,
     * or find the right password. */
    static const rb_backup_verdict order[] = {RB_BACKUP_CORRUPT, RB_BACKUP_NOT_COMPATIBLE,
                                              RB_BACKUP_WRONG_PASSWORD, RB_BACKUP_PASSWORD_NEEDED};
    r->verdict = RB_BACKUP_RESTORABLE;
    for (size_t i = 0; i < sizeof order / sizeof order[0]; i++)
        if (r->any[order[i]]) {
            r->verdict = order[i];
            break;
        }
    /* The cap keeps memory bounded, never the verdict (decided from counts above). The
     * list says it is cut short, as an error when errors were left out of it, so a
     * capped list never reads as a passed check. One slot past the cap is kept for it. */
    uint64_t dropped = r->summary.findings_dropped;
    if (dropped && r->maxfindings < SIZE_MAX) {
        size_t cap = r->maxfindings++;
        if (r->dropped_errors)
            rb__bk_report_add(r, "findings_truncated", RB_BACKUP_ERROR, r->verdict, "", "", "",
                              "%llu more findings, %llu of them errors, are not listed: the report "
                              "keeps at most %zu (--max-findings); the verdict counts them all",
                              (unsigned long long)dropped, (unsigned long long)r->dropped_errors, cap);
        else
            rb__bk_report_add(r, "findings_truncated", RB_BACKUP_WARNING, r->verdict, "", "", "",
                              "%llu more findings (warnings and notes only) are not listed: the "
                              "report keeps at most %zu (--max-findings)", (unsigned long long)dropped, cap);
    }
}

rb_status rb_backup_options_init(rb_backup_options *opts, unsigned int version)
{
    if (!opts || version < 1 || version > RB_BACKUP_OPTIONS_VERSION)
        return RB_ERR_INVALID_ARG;
    const rb_backup_options d = RB_BACKUP_OPTIONS_INIT;
    /* A version 1 struct is shorter: write only what it has. */
    memcpy(opts, &d, version == 1 ? offsetof(rb_backup_options, target_family) : sizeof d);
    opts->version = version;
    return RB_OK;
}

void rb_backup_report_free(rb_backup_report *r)
{
    if (!r)
        return;
    for (size_t i = 0; i < r->nfindings; i++) {
        rb__free_const(r->findings[i].domain);
        rb__free_const(r->findings[i].relative_path);
        rb__free_const(r->findings[i].file_id);
        rb__free_const(r->findings[i].detail);
    }
    free(r->findings);
    free(r);
}

rb_backup_verdict rb_backup_report_verdict(const rb_backup_report *r)
{
    return r ? r->verdict : RB_BACKUP_CORRUPT;
}

int rb_backup_report_inventory_complete(const rb_backup_report *r)
{
    return r && r->rows_complete ? 1 : 0;
}

rb_backup_depth rb_backup_report_depth(const rb_backup_report *r)
{
    return r ? r->depth : RB_BACKUP_HEADERS;
}

const rb_backup_info *rb_backup_report_info(const rb_backup_report *r)
{
    return r ? &r->info : NULL;
}

const rb_backup_summary *rb_backup_report_summary(const rb_backup_report *r)
{
    return r ? &r->summary : NULL;
}

size_t rb_backup_report_finding_count(const rb_backup_report *r)
{
    return r ? r->nfindings : 0;
}

const rb_backup_finding *rb_backup_report_finding(const rb_backup_report *r, size_t i)
{
    return r && i < r->nfindings ? &r->findings[i] : NULL;
}

uint64_t rb_backup_report_code_count(const rb_backup_report *r, const char *code)
{
    for (size_t i = 0; r && code && i < r->ncodes; i++)
        if (strcmp(r->codes[i].code, code) == 0)
            return r->codes[i].count;
    return 0;
}

size_t rb_backup_report_codes(const rb_backup_report *r, const char **codes, uint64_t *counts,
                              size_t max)
{
    size_t n = 0;
    for (; r && n < r->ncodes && n < max; n++) {
        if (codes)
            codes[n] = r->codes[n].code;
        if (counts)
            counts[n] = r->codes[n].count;
    }
    return n;
}

int rb_backup_severity_serious(rb_backup_severity severity)
{
    return severity == RB_BACKUP_WARNING || severity == RB_BACKUP_ERROR;
}

size_t rb_backup_report_serious_codes(const rb_backup_report *r, const char **codes,
                                      uint64_t *counts, size_t max)
{
    /* Indexes of the serious codes, then an insertion sort by count: at most 64 codes,
     * and equal counts keep the order they were first met in (the same on every run). */
    size_t idx[BK_MAX_CODES], n = 0;
    for (size_t i = 0; r && i < r->ncodes; i++) {
        if (!rb_backup_severity_serious(r->codes[i].worst))
            continue;
        size_t j = n++;
        while (j > 0 && r->codes[idx[j - 1]].count < r->codes[i].count) {
            idx[j] = idx[j - 1];
            j--;
        }
        idx[j] = i;
    }
    for (size_t k = 0; k < n && k < max; k++) {
        if (codes)
            codes[k] = r->codes[idx[k]].code;
        if (counts)
            counts[k] = r->codes[idx[k]].count;
    }
    return n < max ? n : max;
}

const rb_backup_category_stats *rb_backup_report_category(const rb_backup_report *r,
                                                          rb_backup_category cat)
{
    return r && (unsigned)cat < RB_BACKUP_CATEGORY_COUNT ? &r->cats[cat] : NULL;
}
