"""Makes the image exports in this folder the way draw.io writes them with "Include a copy of my diagram".

Run from this folder: python3 make-images.py (after make-corpus.py; it reads the .drawio files it made).

- PNG (draw.io's Editor.writeGraphModelToPng): a real RGB image (IHDR, IDAT, IEND) with one text chunk
  inserted just before the first IDAT, its CRC over type + data as the PNG spec says:
    flowchart-orders.drawio.png  tEXt, keyword 'mxfile', the whole file's XML encodeURIComponent'd (today's draw.io)
    bpmn-claims.drawio.png       zTXt, keyword 'mxGraphModel', zlib-compressed, Java-URLEncoder'd page model (older draw.io)
    epc-invoice.drawio.png       iTXt, keyword 'mxfile', zlib-compressed UTF-8 XML (what other PNG tools write)
    no-diagram.png               the same picture without a text chunk (an ordinary screenshot)
- SVG (draw.io's SVG export): XML declaration, the SVG 1.1 DOCTYPE, and the file's XML in the root's content attribute:
    flowchart-orders.drawio.svg, and no-diagram.svg without the attribute.
"""
import struct, zlib, urllib.parse, html, re

def chunk(kind, data):
    return struct.pack('>I', len(data)) + kind + data + struct.pack('>I', zlib.crc32(kind + data) & 0xffffffff)

def picture(width=64, height=40):
    rows = b''
    for y in range(height):
        row = b'\x00'  # filter: none
        for x in range(width):
            inside = 8 <= x < width - 8 and 10 <= y < height - 10
            row += bytes((218, 232, 252) if inside else (255, 255, 255))
        rows += row
    header = struct.pack('>IIBBBBB', width, height, 8, 2, 0, 0, 0)  # 8-bit RGB
    return [chunk(b'IHDR', header), chunk(b'IDAT', zlib.compress(rows, 9)), chunk(b'IEND', b'')]

def png(text_chunk=None):
    ihdr, idat, iend = picture()
    return b'\x89PNG\r\n\x1a\n' + ihdr + (text_chunk or b'') + idat + iend

def encode_uri_component(text):
    return urllib.parse.quote(text, safe="!*'()~-_.")

orders = open('flowchart-orders.drawio', encoding='utf-8').read()
open('flowchart-orders.drawio.png', 'wb').write(png(chunk(b'tEXt', b'mxfile\x00' + encode_uri_component(orders).encode('latin-1'))))

claims_file = open('bpmn-claims.drawio', encoding='utf-8').read()
compressed = re.search(r'<diagram id="bp-claims" name="Claims">([^<]+)</diagram>', claims_file).group(1)
import base64
claims_model = urllib.parse.unquote(zlib.decompress(base64.b64decode(compressed), -15).decode('latin-1'))
java_urlencoded = urllib.parse.quote_plus(claims_model, safe='*-_.')
open('bpmn-claims.drawio.png', 'wb').write(png(chunk(b'zTXt', b'mxGraphModel\x00\x00' + zlib.compress(java_urlencoded.encode('latin-1'), 9))))

epc = open('epc-invoice.drawio', encoding='utf-8').read()
open('epc-invoice.drawio.png', 'wb').write(png(chunk(b'iTXt', b'mxfile\x00\x01\x00\x00\x00' + zlib.compress(epc.encode('utf-8'), 9))))

open('no-diagram.png', 'wb').write(png())

svg_head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
            '<!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd">\n')
body = ('<defs/><g><rect x="40" y="40" width="100" height="60" rx="9" fill="#dae8fc" stroke="#6c8ebf"/>'
        '<text x="90" y="74" text-anchor="middle">Order received</text></g>'
        '<switch><a transform="translate(0,-5)" xlink:href="https://www.drawio.com/doc/faq/svg-export-text-problems" target="_blank">'
        '<text text-anchor="middle" font-size="10px" x="50%" y="100%">Text is not SVG - cannot display</text></a></switch>')
svg_open = ('<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1"'
            ' width="881px" height="281px" viewBox="-0.5 -0.5 881 281"')
open('flowchart-orders.drawio.svg', 'w', encoding='utf-8').write(
    svg_head + svg_open + ' content="' + html.escape(orders.strip(), quote=True) + '">' + body + '</svg>\n')
open('no-diagram.svg', 'w', encoding='utf-8').write(svg_head + svg_open + '>' + body + '</svg>\n')
