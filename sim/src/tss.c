/* tss.c - a fake Apple signing server (TSS) inside the sim, reached as an HTTP proxy:
 * `rescuebay-sim env` sets http_proxy/https_proxy to it (no_proxy keeps loopback direct).
 * idevicerestore's POST to gs.apple.com/TSS/controller arrives here and is answered with
 * `STATUS=0&MESSAGE=SUCCESS&REQUEST_STRING=<plist with ApImg4Ticket>`, a ticket naming the
 * device's ECID. https comes as CONNECT: the tunnel is accepted and TLS is ended here with
 * a self-made certificate for Apple's signing hosts. idevicerestore 1.0.0 does not verify
 * the peer, so its first try succeeds (refusing CONNECT costs three tries, 2 s apart).
 * Faults per device (`tss:refuse`, `tss:hang`) by the request's ApECID. */
#include "sim.h"

#include <arpa/inet.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <openssl/x509v3.h>
#include <inttypes.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

#define MAX_HEAD 16384
#define MAX_BODY (4u << 20)

static SSL_CTX *tls_ctx; /* made at start; NULL: CONNECT is refused instead */

struct io {
    int fd;
    SSL *ssl;
};

static ssize_t io_recv(struct io *io, void *buf, size_t n)
{
    if (!io->ssl)
        return recv(io->fd, buf, n, 0);
    int r = SSL_read(io->ssl, buf, n > 65536 ? 65536 : (int)n);
    return r > 0 ? r : -1;
}

static int io_write(struct io *io, const void *buf, size_t n)
{
    if (!io->ssl)
        return sim_write_full(io->fd, buf, n);
    return SSL_write(io->ssl, buf, (int)n) == (int)n ? 0 : -1;
}

static int io_read_full(struct io *io, char *buf, size_t n)
{
    while (n > 0) {
        ssize_t r = io_recv(io, buf, n);
        if (r <= 0)
            return -1;
        buf += r;
        n -= (size_t)r;
    }
    return 0;
}

static void reply(struct io *io, const char *status, const char *body, size_t n)
{
    char head[256];
    int h = snprintf(head, sizeof head,
                     "HTTP/1.1 %s\r\nContent-Type: text/html\r\nContent-Length: %zu\r\n"
                     "Connection: close\r\n\r\n", status, n);
    if (io_write(io, head, (size_t)h) == 0 && n)
        io_write(io, body, n);
}

/* A certificate for the hosts idevicerestore 1.0.0 asks (gs.apple.com and two IPs). */
static SSL_CTX *make_tls(void)
{
    EVP_PKEY *key = EVP_EC_gen("P-256");
    X509 *x = X509_new();
    SSL_CTX *ctx = NULL;
    X509V3_CTX v3;
    X509_EXTENSION *san = NULL;
    if (!key || !x)
        goto out;
    X509_set_version(x, 2);
    ASN1_INTEGER_set(X509_get_serialNumber(x), 1);
    X509_gmtime_adj(X509_getm_notBefore(x), -3600);
    X509_gmtime_adj(X509_getm_notAfter(x), 3600L * 24 * 365);
    X509_NAME_add_entry_by_txt(X509_get_subject_name(x), "CN", MBSTRING_ASC,
                               (const unsigned char *)"gs.apple.com", -1, -1, 0);
    X509_set_issuer_name(x, X509_get_subject_name(x));
    X509_set_pubkey(x, key);
    X509V3_set_ctx(&v3, x, x, NULL, NULL, 0);
    san = X509V3_EXT_nconf_nid(NULL, &v3, NID_subject_alt_name,
                               "DNS:gs.apple.com,IP:17.171.36.30,IP:17.151.36.30");
    if (!san || !X509_add_ext(x, san, -1) || !X509_sign(x, key, EVP_sha256()))
        goto out;
    ctx = SSL_CTX_new(TLS_server_method());
    if (ctx && (SSL_CTX_use_certificate(ctx, x) != 1 || SSL_CTX_use_PrivateKey(ctx, key) != 1)) {
        SSL_CTX_free(ctx);
        ctx = NULL;
    }
out:
    X509_EXTENSION_free(san);
    X509_free(x);
    EVP_PKEY_free(key);
    return ctx;
}

/* An IM4M-shaped DER blob that names the ECID it was made for. */
static plist_t ticket(uint64_t ecid)
{
    char text[64];
    int n = snprintf(text, sizeof text, "rbsim-ticket ecid=0x%016" PRIX64, ecid);
    unsigned char der[96];
    size_t body = 6 + 3 + 2 + (size_t)n;
    der[0] = 0x30, der[1] = (unsigned char)body;
    memcpy(der + 2, "\x16\x04IM4M\x02\x01\x00\x04", 10);
    der[12] = (unsigned char)n;
    memcpy(der + 13, text, (size_t)n);
    return plist_new_data((const char *)der, 13 + (size_t)n);
}

static void sign(struct io *io, const char *body, size_t n)
{
    plist_t req = NULL;
    sim_plist_parse(body, (uint32_t)n, &req);
    uint64_t ecid = 0;
    if (!req || sim_dict_uint(req, "ApECID", &ecid) != 0) {
        const char *e = "STATUS=100&MESSAGE=An internal error occurred.";
        reply(io, "200 OK", e, strlen(e));
        plist_free(req);
        return;
    }
    struct sim_fault f = {0};
    int hit = 0;
    pthread_mutex_lock(&g_sim.lock);
    for (int i = 0; i < g_sim.ndev; i++)
        if (g_sim.dev[i].p.ecid == ecid) {
            g_sim.dev[i].rs.tss_requests++;
            hit = sim_fault_take(&g_sim.dev[i], "tss", &f);
        }
    pthread_mutex_unlock(&g_sim.lock);
    if (hit && !strcmp(f.action, "hang")) { /* accepted, never answered */
        char buf[512];
        while (io_recv(io, buf, sizeof buf) > 0) {
        }
        plist_free(req);
        return;
    }
    if (hit) {
        const char *e = "STATUS=94&MESSAGE=This device isn't eligible for the requested build.";
        reply(io, "200 OK", e, strlen(e));
        plist_free(req);
        return;
    }
    plist_t resp = plist_new_dict();
    plist_dict_set_item(resp, "@ServerVersion", plist_new_string("rbsim-1"));
    plist_dict_set_item(resp, "ApImg4Ticket", ticket(ecid));
    plist_dict_iter it = NULL;
    plist_dict_new_iter(req, &it);
    for (;;) { /* an (empty) entry for every component the request names */
        char *key = NULL;
        plist_t val = NULL;
        plist_dict_next_item(req, it, &key, &val);
        if (!key)
            break;
        if (plist_get_node_type(val) == PLIST_DICT && plist_dict_get_item(val, "Digest"))
            plist_dict_set_item(resp, key, plist_new_dict());
        free(key);
    }
    free(it);
    char *xml = NULL;
    uint32_t len = 0;
    plist_to_xml(resp, &xml, &len);
    plist_free(resp);
    plist_free(req);
    const char *pre = "STATUS=0&MESSAGE=SUCCESS&REQUEST_STRING=";
    size_t pn = strlen(pre);
    char *out = malloc(pn + len);
    if (out && xml) {
        memcpy(out, pre, pn);
        memcpy(out + pn, xml, len);
        reply(io, "200 OK", out, pn + len);
    }
    free(out);
    free(xml);
}

/* One request (after CONNECT: the one inside the tunnel). */
static void serve(struct io *io, int depth)
{
    char *head = malloc(MAX_HEAD + 1);
    size_t n = 0;
    char *end = NULL;
    while (head && n < MAX_HEAD) {
        ssize_t r = io_recv(io, head + n, MAX_HEAD - n);
        if (r <= 0)
            break;
        n += (size_t)r;
        head[n] = 0;
        if ((end = strstr(head, "\r\n\r\n")))
            break;
    }
    if (!end) {
        free(head);
        return;
    }
    size_t hlen = (size_t)(end + 4 - head), clen = 0;
    for (char *l = strstr(head, "\r\n"); l && l < end; l = strstr(l + 2, "\r\n"))
        if (!strncasecmp(l + 2, "Content-Length:", 15))
            clen = strtoul(l + 17, NULL, 10);
    if (!strncmp(head, "CONNECT ", 8) && (!tls_ctx || depth > 0)) {
        reply(io, "403 Forbidden", "", 0);
    } else if (!strncmp(head, "CONNECT ", 8)) {
        const char *ok = "HTTP/1.1 200 Connection established\r\n\r\n";
        struct io tunnel = {io->fd, SSL_new(tls_ctx)};
        if (tunnel.ssl && io_write(io, ok, strlen(ok)) == 0 &&
            SSL_set_fd(tunnel.ssl, io->fd) == 1 && SSL_accept(tunnel.ssl) == 1) {
            serve(&tunnel, depth + 1);
            SSL_shutdown(tunnel.ssl);
        }
        SSL_free(tunnel.ssl);
    } else if (!strncmp(head, "POST ", 5) && strstr(head, "/TSS/controller") &&
               clen <= MAX_BODY) {
        char *body = malloc(clen + 1);
        size_t have = n - hlen < clen ? n - hlen : clen;
        if (body) {
            memcpy(body, head + hlen, have);
            if (io_read_full(io, body + have, clen - have) == 0)
                sign(io, body, clen);
        }
        free(body);
    } else {
        reply(io, "404 Not Found", "", 0);
    }
    free(head);
}

static void *conn_main(void *arg)
{
    struct io io = {(int)(intptr_t)arg, NULL};
    serve(&io, 0);
    close(io.fd);
    return NULL;
}

static void *accept_main(void *arg)
{
    int lfd = (int)(intptr_t)arg;
    for (;;) {
        int fd = accept(lfd, NULL, NULL);
        if (fd < 0) {
            sim_msleep(50);
            continue;
        }
        pthread_t th;
        if (pthread_create(&th, NULL, conn_main, (void *)(intptr_t)fd) == 0)
            pthread_detach(th);
        else
            close(fd);
    }
    return NULL;
}

int sim_tss_start(void)
{
    tls_ctx = make_tls();
    int fd = socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t al = sizeof a;
    pthread_t th;
    if (fd < 0 || bind(fd, (struct sockaddr *)&a, sizeof a) != 0 || listen(fd, 16) != 0 ||
        getsockname(fd, (struct sockaddr *)&a, &al) != 0 ||
        pthread_create(&th, NULL, accept_main, (void *)(intptr_t)fd) != 0) {
        if (fd >= 0)
            close(fd);
        return -1;
    }
    pthread_detach(th);
    g_sim.tss_port = ntohs(a.sin_port);
    return 0;
}
