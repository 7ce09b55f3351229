import plistlib, sys, os
# Re-identifies a sample backup as another device: every UDID and ProductType in its plists.
d, udid, pt, name = sys.argv[1:5]
OLD_UDID = '00008110-000000000000001E'
def walk(v):
    if isinstance(v, dict):
        return {k: (udid if isinstance(x, str) and x.upper() == OLD_UDID else
                    pt if k == 'ProductType' or k == 'Product Type' else
                    name if k == 'Product Name' else walk(x)) for k, x in v.items()}
    if isinstance(v, list):
        return [walk(x) for x in v]
    return v
for f in ('Info.plist', 'Manifest.plist', 'Status.plist'):
    p = os.path.join(d, f)
    if os.path.exists(p):
        with open(p, 'rb') as fh:
            data = plistlib.load(fh)
        fmt = plistlib.FMT_BINARY if open(p, 'rb').read(6) == b'bplist' else plistlib.FMT_XML
        with open(p, 'wb') as fh:
            plistlib.dump(walk(data), fh, fmt=fmt)
