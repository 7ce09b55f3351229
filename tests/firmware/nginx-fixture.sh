# nginx-fixture.sh - sourced by the firmware tests and bench/firmware-fetch: a private
# nginx (Debian's nginx-light) on 127.0.0.1 and a free port, with its own prefix in a
# temp folder, plus helpers that make small fake IPSWs and ipsw.me v4 catalogs for it.
#
#   . tests/firmware/nginx-fixture.sh
#   fx_start            -> $FX_DIR (temp), $FX_WWW (doc root), $FX_PORT, $FX_BASE (http://...)
#   fx_make_ipsw FILE MB
#   fx_catalog PT FILE [URLPATH] [SIGNED] [BUILD] [VERSION]  -> writes $FX_WWW/v4/device/PT
#   fx_sent PATH        -> total body bytes nginx sent for URL path PATH (access log)
#   hostile locations: /endless500/X (500 + 1 GiB error page), /slow500/X (500, page at
#   10 B/s), /v4endless/ (503 + 1 GiB page), /trickle/F and /v4trickle/device/PT (10 B/s),
#   /stall/F (64 KiB, then 1 B/s)
#   fx_stop; fx_restart (same port)
# The access log format is: uri status body_bytes_sent "range" "if-range".

FX_NGINX=${FX_NGINX:-$(command -v nginx || echo /usr/sbin/nginx)}

fx_conf() {
    user_line=""
    [ "$(id -u)" -eq 0 ] && user_line="user root root;"
    cat > "$FX_DIR/nginx.conf" <<CONF
$user_line
worker_processes 1;
daemon off;
pid $FX_DIR/nginx.pid;
error_log $FX_DIR/error.log warn;
events { worker_connections 256; }
http {
    log_format fx '\$uri \$status \$body_bytes_sent "\$http_range" "\$http_if_range"';
    access_log $FX_DIR/access.log fx;
    client_body_temp_path $FX_DIR/tmp/body;
    proxy_temp_path $FX_DIR/tmp/proxy;
    fastcgi_temp_path $FX_DIR/tmp/fastcgi;
    uwsgi_temp_path $FX_DIR/tmp/uwsgi;
    scgi_temp_path $FX_DIR/tmp/scgi;
    default_type application/octet-stream;
    sendfile on;
    keepalive_timeout 5;
    server {
        listen 127.0.0.1:$FX_PORT;
        root $FX_WWW;
        location /slow/ { alias $FX_WWW/files/; limit_rate ${FX_RATE:-1m}; }
        location /v4/device/ { default_type application/json; }
        location /err500/ { return 500; }
        location /v4err/ { return 503; }
        # Hostile servers (tests/cli/firmware_hostile.sh): an error whose page never ends
        # (a 1 GiB sparse file), one whose page trickles, bodies that trickle or stall.
        location /endless500/ { error_page 500 /huge/endless.bin; return 500; }
        location /v4endless/ { error_page 503 /huge/endless.bin; return 503; }
        location /slow500/ { error_page 500 /hugeslow/endless.bin; return 500; }
        location /huge/ { internal; alias $FX_DIR/huge/; }
        location /hugeslow/ { internal; alias $FX_DIR/huge/; limit_rate_after 512; limit_rate 10; }
        location /trickle/ { alias $FX_WWW/files/; limit_rate_after 512; limit_rate 10; }
        location /v4trickle/device/ { alias $FX_WWW/v4/device/; default_type application/json; limit_rate_after 512; limit_rate 10; }
        location /stall/ { alias $FX_WWW/files/; limit_rate_after 64k; limit_rate 1; }
    }
}
CONF
}

fx_launch() {
    "$FX_NGINX" -p "$FX_DIR" -c "$FX_DIR/nginx.conf" >>"$FX_DIR/nginx.out" 2>&1 &
    FX_PID=$!
    i=0
    while [ $i -lt 50 ]; do
        if curl -s -o /dev/null "http://127.0.0.1:$FX_PORT/" 2>/dev/null; then return 0; fi
        kill -0 "$FX_PID" 2>/dev/null || return 1
        sleep 0.1
        i=$((i + 1))
    done
    return 1
}

fx_start() {
    FX_DIR=$(mktemp -d "${TMPDIR:-/tmp}/rb-nginx.XXXXXX")
    FX_WWW="$FX_DIR/www"
    mkdir -p "$FX_WWW/files" "$FX_WWW/v4/device" "$FX_DIR/tmp" "$FX_DIR/huge"
    truncate -s 1G "$FX_DIR/huge/endless.bin"
    tries=0
    while :; do
        FX_PORT=$(( $(od -An -N2 -tu2 /dev/urandom | tr -d ' ') % 30000 + 20000 ))
        fx_conf
        if fx_launch; then break; fi
        tries=$((tries + 1))
        if [ $tries -ge 10 ]; then
            echo "fixture: nginx does not start" >&2
            cat "$FX_DIR/nginx.out" "$FX_DIR/error.log" >&2 2>/dev/null
            return 1
        fi
    done
    FX_BASE="http://127.0.0.1:$FX_PORT"
    export FX_DIR FX_WWW FX_PORT FX_BASE
}

fx_stop() {
    if [ -n "${FX_PID:-}" ]; then
        kill "$FX_PID" 2>/dev/null
        wait "$FX_PID" 2>/dev/null
        FX_PID=""
    fi
}

fx_restart() {
    fx_stop
    fx_launch || { echo "fixture: nginx restart failed" >&2; return 1; }
}

fx_cleanup() {
    fx_stop
    [ -n "${FX_DIR:-}" ] && rm -rf "$FX_DIR"
}

fx_make_ipsw() {
    head -c $(($2 * 1048576)) /dev/urandom > "$1"
}

# fx_catalog PT FILE [URLPATH] [SIGNED] [BUILD] [VERSION]: one-firmware catalog for PT;
# FILE is hashed for sha1/sha256/size. Several calls with the same PT replace it; use
# fx_catalog_add to append.
fx_entry() {
    pt=$1 file=$2 urlpath=${3:-/files/$(basename "$2")} signed=${4:-true} build=${5:-19A404} ver=${6:-15.0.2}
    sha1=$(sha1sum "$file" | cut -d' ' -f1)
    sha256=$(sha256sum "$file" | cut -d' ' -f1)
    size=$(stat -c %s "$file")
    printf '{"identifier":"%s","version":"%s","buildid":"%s","sha1sum":"%s","md5sum":"00000000000000000000000000000000","sha256sum":"%s","filesize":%s,"url":"%s%s","releasedate":"2021-10-11T16:43:09Z","uploaddate":"2021-10-08T00:17:10Z","signed":%s}' \
        "$pt" "$ver" "$build" "$sha1" "$sha256" "$size" "$FX_BASE" "$urlpath" "$signed"
}

fx_catalog() {
    pt=$1
    e=$(fx_entry "$@")
    printf '{"name":"Test Phone","identifier":"%s","firmwares":[%s],"boards":[],"cpid":32816,"bdid":4}\n' "$pt" "$e" > "$FX_WWW/v4/device/$pt"
}

# fx_catalog2 PT FILE1 BUILD1 SIGNED1 FILE2 BUILD2 SIGNED2: two builds.
fx_catalog2() {
    pt=$1
    e1=$(fx_entry "$pt" "$2" "" "$4" "$3" 15.0.2)
    e2=$(fx_entry "$pt" "$5" "" "$7" "$6" 14.8)
    printf '{"name":"Test Phone","identifier":"%s","firmwares":[%s,%s]}\n' "$pt" "$e1" "$e2" > "$FX_WWW/v4/device/$pt"
}

fx_sent() {
    awk -v p="$1" '$1 == p { s += $3 } END { printf "%.0f\n", s }' "$FX_DIR/access.log"
}

fx_requests() {
    awk -v p="$1" '$1 == p { n++ } END { printf "%d\n", n }' "$FX_DIR/access.log"
}
