#!/usr/bin/env python3
"""Writes a PDF of two pages that hold an image each and no text, as a
scanned document does: scanned.py OUT.pdf"""
import sys
import zlib

W = H = 64
img = bytes((x ^ y) & 0xff for y in range(H) for x in range(W))
data = zlib.compress(img)
objs = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R 5 0 R] /Count 2 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
    b"/Resources << /XObject << /Im 7 0 R >> >> /Contents 4 0 R >>",
    None,  # contents, below
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
    b"/Resources << /XObject << /Im 7 0 R >> >> /Contents 6 0 R >>",
    None,
    b"<< /Type /XObject /Subtype /Image /Width %d /Height %d "
    b"/ColorSpace /DeviceGray /BitsPerComponent 8 /Filter /FlateDecode "
    b"/Length %d >>\nstream\n" % (W, H, len(data)) + data + b"\nendstream",
]
draw = b"q 495 0 0 742 50 50 cm /Im Do Q"
stream = b"<< /Length %d >>\nstream\n" % len(draw) + draw + b"\nendstream"
objs[3] = objs[5] = stream
out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
offs = []
for i, o in enumerate(objs, 1):
    offs.append(len(out))
    out += b"%d 0 obj\n" % i + o + b"\nendobj\n"
xref = len(out)
out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
for o in offs:
    out += b"%010d 00000 n \n" % o
out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
    len(objs) + 1, xref)
open(sys.argv[1], "wb").write(out)
