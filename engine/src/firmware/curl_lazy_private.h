/*
 * firmware/curl_lazy_private.h - libcurl, loaded on first use.
 *
 * Why: libcurl drags ~30 shared libraries (GnuTLS through librtmp, Kerberos, LDAP...)
 * whose start-up costs ~6.5 ms in *every* process that links the engine, although only
 * firmware downloads need it. That made `rescuebay device info` slower than Debian's
 * ideviceinfo. With RB_LAZY_CURL (Linux default) the firmware code calls libcurl through
 * a table filled by dlopen() the first time a download or catalog refresh starts.
 * Include this instead of <curl/curl.h>.
 */
#ifndef RB_FIRMWARE_CURL_LAZY_PRIVATE_H
#define RB_FIRMWARE_CURL_LAZY_PRIVATE_H

#ifdef RB_LAZY_CURL
#define CURL_DISABLE_TYPECHECK 1
#endif
#include <curl/curl.h>

#ifdef RB_LAZY_CURL
struct rb__curl_api {
    CURLcode (*global_init)(long flags);
    CURL *(*easy_init)(void);
    CURLcode (*easy_setopt)(CURL *curl, CURLoption option, ...);
    CURLcode (*easy_perform)(CURL *curl);
    CURLcode (*easy_getinfo)(CURL *curl, CURLINFO info, ...);
    void (*easy_cleanup)(CURL *curl);
    const char *(*easy_strerror)(CURLcode code);
    struct curl_slist *(*slist_append)(struct curl_slist *list, const char *s);
    void (*slist_free_all)(struct curl_slist *list);
};

/* The loaded table; when libcurl cannot be loaded, every entry is a stub that fails
 * (easy_init returns NULL, the rest CURLE_FAILED_INIT) and rb__curl_load_error() says why. */
const struct rb__curl_api *rb__curl(void);
const char *rb__curl_load_error(void);

#define curl_global_init (rb__curl()->global_init)
#define curl_easy_init (rb__curl()->easy_init)
#undef curl_easy_setopt
#define curl_easy_setopt (rb__curl()->easy_setopt)
#define curl_easy_perform (rb__curl()->easy_perform)
#undef curl_easy_getinfo
#define curl_easy_getinfo (rb__curl()->easy_getinfo)
#define curl_easy_cleanup (rb__curl()->easy_cleanup)
#define curl_easy_strerror (rb__curl()->easy_strerror)
#define curl_slist_append (rb__curl()->slist_append)
#define curl_slist_free_all (rb__curl()->slist_free_all)
#else
static inline const char *rb__curl_load_error(void) { return ""; }
#endif

#endif
