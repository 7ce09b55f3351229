/* curl_lazy.c - dlopen() of libcurl on first use (see curl_lazy_private.h for why). */
#include "firmware/curl_lazy_private.h"

#ifdef RB_LAZY_CURL
#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>

#ifndef RB_LIBCURL_SONAME
#define RB_LIBCURL_SONAME "libcurl.so.4"
#endif

static CURLcode stub_global_init(long flags) { (void)flags; return CURLE_FAILED_INIT; }
static CURL *stub_easy_init(void) { return NULL; }
static CURLcode stub_easy_setopt(CURL *c, CURLoption o, ...) { (void)c; (void)o; return CURLE_FAILED_INIT; }
static CURLcode stub_easy_perform(CURL *c) { (void)c; return CURLE_FAILED_INIT; }
static CURLcode stub_easy_getinfo(CURL *c, CURLINFO i, ...) { (void)c; (void)i; return CURLE_FAILED_INIT; }
static void stub_easy_cleanup(CURL *c) { (void)c; }
static const char *stub_easy_strerror(CURLcode c) { (void)c; return "libcurl is not available"; }
static struct curl_slist *stub_slist_append(struct curl_slist *l, const char *s) { (void)l; (void)s; return NULL; }
static void stub_slist_free_all(struct curl_slist *l) { (void)l; }

static struct rb__curl_api api = {
    stub_global_init, stub_easy_init, stub_easy_setopt, stub_easy_perform, stub_easy_getinfo,
    stub_easy_cleanup, stub_easy_strerror, stub_slist_append, stub_slist_free_all,
};
static char load_error[256];
static pthread_once_t once = PTHREAD_ONCE_INIT;

/* dlsym returns void *; POSIX guarantees it converts to a function pointer. */
#define RESOLVE(field, name)                                                   \
    do {                                                                       \
        void *sym_ = dlsym(lib, name);                                         \
        if (!sym_) {                                                           \
            snprintf(load_error, sizeof load_error, "%s lacks %s", RB_LIBCURL_SONAME, name); \
            return;                                                            \
        }                                                                      \
        *(void **)&loaded.field = sym_;                                        \
    } while (0)

static void load(void)
{
    void *lib = dlopen(RB_LIBCURL_SONAME, RTLD_NOW | RTLD_LOCAL);
    if (!lib) {
        const char *e = dlerror();
        snprintf(load_error, sizeof load_error, "cannot load %s: %s", RB_LIBCURL_SONAME,
                 e ? e : "unknown reason");
        return;
    }
    struct rb__curl_api loaded;
    RESOLVE(global_init, "curl_global_init");
    RESOLVE(easy_init, "curl_easy_init");
    RESOLVE(easy_setopt, "curl_easy_setopt");
    RESOLVE(easy_perform, "curl_easy_perform");
    RESOLVE(easy_getinfo, "curl_easy_getinfo");
    RESOLVE(easy_cleanup, "curl_easy_cleanup");
    RESOLVE(easy_strerror, "curl_easy_strerror");
    RESOLVE(slist_append, "curl_slist_append");
    RESOLVE(slist_free_all, "curl_slist_free_all");
    api = loaded; /* the library stays loaded for the life of the process */
}

const struct rb__curl_api *rb__curl(void)
{
    pthread_once(&once, load);
    return &api;
}

const char *rb__curl_load_error(void)
{
    pthread_once(&once, load);
    return load_error;
}
#else
/* Linked directly: nothing to load. ISO C wants a translation unit to declare something. */
typedef int rb__curl_lazy_unused;
#endif
