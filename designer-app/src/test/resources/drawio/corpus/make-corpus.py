import zlib, base64, urllib.parse, os
def compress(xml):
    enc = urllib.parse.quote(xml, safe="!*'()~-_.")
    c = zlib.compressobj(9, zlib.DEFLATED, -15)
    return base64.b64encode(c.compress(enc.encode('latin-1')) + c.flush()).decode()

TXT = 'text;html=1;align=center;verticalAlign=middle;resizable=0;points=[];autosize=1;strokeColor=none;fillColor=none;'
EDGE = 'edgeStyle=orthogonalEdgeStyle;rounded=0;orthogonalLoop=1;jettySize=auto;html=1;'
LBL = 'edgeLabel;html=1;align=center;verticalAlign=middle;resizable=0;points=[];'

order = f'''<mxGraphModel dx="1426" dy="794" grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="1" pageScale="1" pageWidth="1169" pageHeight="827" math="0" shadow="0">
      <root>
        <mxCell id="0" />
        <mxCell id="1" parent="0" />
        <mxCell id="2" value="Order received" style="strokeWidth=2;html=1;shape=mxgraph.flowchart.start_1;whiteSpace=wrap;" vertex="1" parent="1">
          <mxGeometry x="40" y="40" width="100" height="60" as="geometry" />
        </mxCell>
        <mxCell id="3" value="&lt;div&gt;Check&lt;/div&gt;&lt;div&gt;stock&lt;/div&gt;" style="rounded=1;whiteSpace=wrap;html=1;" vertex="1" parent="1">
          <mxGeometry x="200" y="40" width="120" height="60" as="geometry" />
        </mxCell>
        <mxCell id="4" value="In stock?" style="rhombus;whiteSpace=wrap;html=1;" vertex="1" parent="1">
          <mxGeometry x="380" y="30" width="100" height="80" as="geometry" />
        </mxCell>
        <mxCell id="5" value="Ship&lt;br&gt;order" style="rounded=1;whiteSpace=wrap;html=1;" vertex="1" parent="1">
          <mxGeometry x="560" y="40" width="120" height="60" as="geometry" />
        </mxCell>
        <mxCell id="6" value="Done" style="strokeWidth=2;html=1;shape=mxgraph.flowchart.terminator;whiteSpace=wrap;" vertex="1" parent="1">
          <mxGeometry x="740" y="40" width="100" height="60" as="geometry" />
        </mxCell>
        <mxCell id="7" value="Back-order &amp;amp; notify" style="rounded=1;whiteSpace=wrap;html=1;" vertex="1" parent="1">
          <mxGeometry x="370" y="200" width="120" height="60" as="geometry" />
        </mxCell>
        <mxCell id="8" value="Cancelled" style="ellipse;whiteSpace=wrap;html=1;" vertex="1" parent="1">
          <mxGeometry x="580" y="200" width="80" height="60" as="geometry" />
        </mxCell>
        <mxCell id="e1" style="{EDGE}" edge="1" parent="1" source="2" target="3">
          <mxGeometry relative="1" as="geometry" />
        </mxCell>
        <mxCell id="e2" style="{EDGE}" edge="1" parent="1" source="3" target="4">
          <mxGeometry relative="1" as="geometry" />
        </mxCell>
        <mxCell id="e3" style="{EDGE}" edge="1" parent="1" source="4" target="5">
          <mxGeometry relative="1" as="geometry" />
        </mxCell>
        <mxCell id="e3l" value="yes" style="{LBL}" vertex="1" connectable="0" parent="e3">
          <mxGeometry x="-0.2" relative="1" as="geometry">
            <mxPoint as="offset" />
          </mxGeometry>
        </mxCell>
        <mxCell id="e4" style="{EDGE}" edge="1" parent="1" source="4" target="7">
          <mxGeometry relative="1" as="geometry" />
        </mxCell>
        <mxCell id="9" value="no" style="{TXT}" vertex="1" parent="1">
          <mxGeometry x="440" y="130" width="40" height="30" as="geometry" />
        </mxCell>
        <mxCell id="e5" style="{EDGE}" edge="1" parent="1" source="5" target="6">
          <mxGeometry relative="1" as="geometry" />
        </mxCell>
        <mxCell id="e6" value="restocked" style="{EDGE}" edge="1" parent="1" source="7" target="3">
          <mxGeometry relative="1" as="geometry">
            <Array as="points">
              <mxPoint x="260" y="230" />
            </Array>
          </mxGeometry>
        </mxCell>
        <mxCell id="e7" value="gave up" style="{EDGE}" edge="1" parent="1" source="7" target="8">
          <mxGeometry relative="1" as="geometry" />
        </mxCell>
        <mxCell id="10" value="Owner: logistics team" style="{TXT}" vertex="1" parent="1">
          <mxGeometry x="40" y="400" width="150" height="30" as="geometry" />
        </mxCell>
      </root>
    </mxGraphModel>'''

legend = f'''<mxGraphModel dx="1426" dy="794" grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="1" pageScale="1" pageWidth="1169" pageHeight="827" math="0" shadow="0">
      <root>
        <mxCell id="0" />
        <mxCell id="1" parent="0" />
        <mxCell id="2" value="Task" style="rounded=1;whiteSpace=wrap;html=1;" vertex="1" parent="1">
          <mxGeometry x="40" y="40" width="120" height="60" as="geometry" />
        </mxCell>
        <mxCell id="3" value="End" style="ellipse;whiteSpace=wrap;html=1;" vertex="1" parent="1">
          <mxGeometry x="200" y="40" width="80" height="60" as="geometry" />
        </mxCell>
        <mxCell id="4" value="How to read these diagrams" style="{TXT}" vertex="1" parent="1">
          <mxGeometry x="40" y="140" width="180" height="30" as="geometry" />
        </mxCell>
      </root>
    </mxGraphModel>'''

refunds = f'''<mxGraphModel dx="1426" dy="794" grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="1" pageScale="1" pageWidth="1169" pageHeight="827" math="0" shadow="0"><root><mxCell id="0"/><mxCell id="1" parent="0"/><mxCell id="r1" value="Refund requested" style="ellipse;whiteSpace=wrap;html=1;" vertex="1" parent="1"><mxGeometry x="40" y="60" width="120" height="60" as="geometry"/></mxCell><mxCell id="r2" value="Approve?" style="strokeWidth=2;html=1;shape=mxgraph.flowchart.decision;whiteSpace=wrap;" vertex="1" parent="1"><mxGeometry x="220" y="40" width="100" height="100" as="geometry"/></mxCell><mxCell id="r3" value="Refund paid" style="strokeWidth=2;html=1;shape=mxgraph.flowchart.terminator;whiteSpace=wrap;" vertex="1" parent="1"><mxGeometry x="400" y="20" width="100" height="60" as="geometry"/></mxCell><mxCell id="r4" value="Refund declined" style="ellipse;whiteSpace=wrap;html=1;" vertex="1" parent="1"><mxGeometry x="400" y="120" width="120" height="60" as="geometry"/></mxCell><mxCell id="f1" style="{EDGE}" edge="1" parent="1" source="r1" target="r2"><mxGeometry relative="1" as="geometry"/></mxCell><mxCell id="f2" value="approved" style="{EDGE}" edge="1" parent="1" source="r2" target="r3"><mxGeometry relative="1" as="geometry"/></mxCell><mxCell id="f3" value="rejected" style="{EDGE}" edge="1" parent="1" source="r2" target="r4"><mxGeometry relative="1" as="geometry"/></mxCell></root></mxGraphModel>'''

head = '<mxfile host="app.diagrams.net" agent="Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) draw.io/24.7.17 Chrome/128.0.6613.36 Electron/32.0.1 Safari/537.36" version="24.7.17">\n'
open('flowchart-orders.drawio','w').write(head
  + '  <diagram id="fl-orders" name="Order flow">\n    ' + order + '\n  </diagram>\n'
  + '  <diagram id="fl-legend" name="Legend">\n    ' + legend + '\n  </diagram>\n'
  + '  <diagram id="fl-refunds" name="Refunds">' + compress(refunds) + '</diagram>\n</mxfile>\n')

BPMN_EVENT = 'points=[[0.145,0.145,0],[0.5,0,0],[0.855,0.145,0],[1,0.5,0],[0.855,0.855,0],[0.5,1,0],[0.145,0.855,0],[0,0.5,0]];shape=mxgraph.bpmn.event;html=1;verticalLabelPosition=bottom;labelBackgroundColor=#ffffff;verticalAlign=top;align=center;perimeter=ellipsePerimeter;outlineConnect=0;aspect=fixed;'
BPMN_TASK = 'points=[[0.25,0,0],[0.5,0,0],[0.75,0,0],[1,0.25,0],[1,0.5,0],[1,0.75,0],[0.75,1,0],[0.5,1,0],[0.25,1,0],[0,0.75,0],[0,0.5,0],[0,0.25,0]];shape=mxgraph.bpmn.task2;whiteSpace=wrap;rectStyle=rounded;size=10;html=1;container=1;expand=0;collapsible=0;'
GW = 'points=[[0.25,0.25,0],[0.5,0,0],[0.75,0.25,0],[1,0.5,0],[0.75,0.75,0],[0.5,1,0],[0.25,0.75,0],[0,0.5,0]];shape=mxgraph.bpmn.gateway2;html=1;verticalLabelPosition=bottom;labelBackgroundColor=#ffffff;verticalAlign=top;align=center;perimeter=rhombusPerimeter;outlineConnect=0;outline=none;symbol=none;gwType=exclusive;'
FLOW = 'edgeStyle=elbowEdgeStyle;fontSize=12;html=1;endArrow=block;endFill=1;'
claims = f'''<mxGraphModel dx="1426" dy="794" grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="1" pageScale="1" pageWidth="1169" pageHeight="827" math="0" shadow="0"><root><mxCell id="0"/><mxCell id="1" parent="0"/><mxCell id="pool" value="Insurance claim" style="swimlane;html=1;childLayout=stackLayout;resizeParent=1;resizeParentMax=0;horizontal=0;startSize=20;horizontalStack=0;whiteSpace=wrap;" vertex="1" parent="1"><mxGeometry x="40" y="40" width="900" height="360" as="geometry"/></mxCell><mxCell id="lane1" value="Customer" style="swimlane;html=1;startSize=20;horizontal=0;" vertex="1" parent="pool"><mxGeometry x="20" width="880" height="180" as="geometry"/></mxCell><mxCell id="s" value="Damage noticed" style="{BPMN_EVENT}outline=standard;symbol=general;" vertex="1" parent="lane1"><mxGeometry x="40" y="70" width="40" height="40" as="geometry"/></mxCell><mxCell id="t1" value="File claim" style="{BPMN_TASK}taskMarker=user;" vertex="1" parent="lane1"><mxGeometry x="140" y="60" width="120" height="60" as="geometry"/></mxCell><mxCell id="lane2" value="Claims office" style="swimlane;html=1;startSize=20;horizontal=0;" vertex="1" parent="pool"><mxGeometry x="20" y="180" width="880" height="180" as="geometry"/></mxCell><mxCell id="t2" value="Assess claim" style="{BPMN_TASK}taskMarker=abstract;" vertex="1" parent="lane2"><mxGeometry x="140" y="60" width="120" height="60" as="geometry"/></mxCell><mxCell id="g" value="Covered?" style="{GW}" vertex="1" parent="lane2"><mxGeometry x="320" y="65" width="50" height="50" as="geometry"/></mxCell><mxCell id="t3" value="Pay out" style="{BPMN_TASK}taskMarker=service;" vertex="1" parent="lane2"><mxGeometry x="440" y="10" width="120" height="60" as="geometry"/></mxCell><mxCell id="end1" value="Claim paid" style="{BPMN_EVENT}outline=end;symbol=terminate2;" vertex="1" parent="lane2"><mxGeometry x="640" y="20" width="40" height="40" as="geometry"/></mxCell><mxCell id="end2" value="Claim rejected" style="{BPMN_EVENT}outline=end;symbol=general;" vertex="1" parent="lane2"><mxGeometry x="640" y="110" width="40" height="40" as="geometry"/></mxCell><mxCell id="note" value="Within 30 days" style="html=1;shape=mxgraph.flowchart.annotation_2;align=left;labelPosition=right;pointerEvents=1;" vertex="1" parent="lane1"><mxGeometry x="600" y="20" width="50" height="100" as="geometry"/></mxCell><mxCell id="f1" style="{FLOW}" edge="1" parent="lane1" source="s" target="t1"><mxGeometry relative="1" as="geometry"/></mxCell><mxCell id="f2" style="{FLOW}" edge="1" parent="pool" source="t1" target="t2"><mxGeometry relative="1" as="geometry"/></mxCell><mxCell id="f3" style="{FLOW}" edge="1" parent="lane2" source="t2" target="g"><mxGeometry relative="1" as="geometry"/></mxCell><mxCell id="f4" value="yes" style="{FLOW}" edge="1" parent="lane2" source="g" target="t3"><mxGeometry relative="1" as="geometry"/></mxCell><mxCell id="f5" value="no" style="{FLOW}" edge="1" parent="lane2" source="g" target="end2"><mxGeometry relative="1" as="geometry"/></mxCell><mxCell id="f6" style="{FLOW}" edge="1" parent="lane2" source="t3" target="end1"><mxGeometry relative="1" as="geometry"/></mxCell><mxCell id="a1" style="edgeStyle=none;html=1;endArrow=none;dashed=1;dashPattern=1 3;strokeWidth=2;" edge="1" parent="1" source="note" target="t1"><mxGeometry relative="1" as="geometry"/></mxCell></root></mxGraphModel>'''
open('bpmn-claims.drawio','w').write(head + '  <diagram id="bp-claims" name="Claims">' + compress(claims) + '</diagram>\n</mxfile>\n')

EV = 'shape=hexagon;perimeter=hexagonPerimeter2;whiteSpace=wrap;html=1;fixedSize=1;size=10;fillColor=#e1d5e7;strokeColor=#9673a6;'
FN = 'rounded=1;whiteSpace=wrap;html=1;fillColor=#d5e8d4;strokeColor=#82b366;'
XOR = 'ellipse;whiteSpace=wrap;html=1;aspect=fixed;fillColor=#f5f5f5;'
EA = 'edgeStyle=orthogonalEdgeStyle;rounded=0;orthogonalLoop=1;jettySize=auto;html=1;endArrow=classic;endFill=1;'
cells = [('v1','Invoice received',EV,40,40,120,50),('v2','Check invoice',FN,40,130,120,60),('v3','XOR',XOR,80,230,40,40),
         ('v4','Invoice correct',EV,-40,310,120,50),('v5','Pay invoice',FN,-40,400,120,60),('v6','Invoice paid',EV,-40,500,120,50),
         ('v7','Invoice incorrect',EV,160,310,120,50),('v8','Return invoice',FN,160,400,120,60),('v9','Invoice returned',EV,160,500,120,50)]
edges = [('v1','v2'),('v2','v3'),('v3','v4'),('v3','v7'),('v4','v5'),('v5','v6'),('v7','v8'),('v8','v9')]
body = ''.join(f'        <mxCell id="{i}" value="{v}" style="{s}" vertex="1" parent="1">\n          <mxGeometry x="{x}" y="{y}" width="{w}" height="{h}" as="geometry" />\n        </mxCell>\n' for i,v,s,x,y,w,h in cells)
body += ''.join(f'        <mxCell id="c{n}" style="{EA}" edge="1" parent="1" source="{a}" target="{b}">\n          <mxGeometry relative="1" as="geometry" />\n        </mxCell>\n' for n,(a,b) in enumerate(edges))
open('epc-invoice.drawio','w').write(head + '  <diagram id="epc" name="Invoice (EPC)">\n    <mxGraphModel dx="1426" dy="794" grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="1" pageScale="1" pageWidth="827" pageHeight="1169" math="0" shadow="0">\n      <root>\n        <mxCell id="0" />\n        <mxCell id="1" parent="0" />\n' + body + '      </root>\n    </mxGraphModel>\n  </diagram>\n</mxfile>\n')

AWS = 'sketch=0;points=[[0,0,0],[0.25,0,0],[0.5,0,0],[0.75,0,0],[1,0,0],[0,1,0],[0.25,1,0],[0.5,1,0],[0.75,1,0],[1,1,0],[0,0.25,0],[0,0.5,0],[0,0.75,0],[1,0.25,0],[1,0.5,0],[1,0.75,0]];outlineConnect=0;fontColor=#232F3E;fillColor=#ED7100;strokeColor=#ffffff;dashed=0;verticalLabelPosition=bottom;verticalAlign=top;align=center;html=1;fontSize=12;fontStyle=0;aspect=fixed;shape=mxgraph.aws4.resourceIcon;'
cloud = f'''<mxGraphModel dx="1426" dy="794" grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="1" pageScale="1" pageWidth="1169" pageHeight="827" math="0" shadow="0"><root><mxCell id="0"/><mxCell id="1" parent="0"/><mxCell id="cl" value="AWS Cloud" style="points=[[0,0],[0.25,0],[0.5,0],[0.75,0],[1,0],[1,0.25],[1,0.5],[1,0.75],[1,1],[0.75,1],[0.5,1],[0.25,1],[0,1],[0,0.75],[0,0.5],[0,0.25]];outlineConnect=0;gradientColor=none;html=1;whiteSpace=wrap;fontSize=12;fontStyle=0;container=1;pointerEvents=0;collapsible=0;recursiveResize=0;shape=mxgraph.aws4.group;grIcon=mxgraph.aws4.group_aws_cloud_alt;strokeColor=#232F3E;fillColor=none;verticalAlign=top;align=left;spacingLeft=30;fontColor=#232F3E;dashed=0;" vertex="1" parent="1"><mxGeometry x="40" y="40" width="560" height="300" as="geometry"/></mxCell><mxCell id="i1" value="API Gateway" style="{AWS}resIcon=mxgraph.aws4.api_gateway;" vertex="1" parent="cl"><mxGeometry x="40" y="100" width="78" height="78" as="geometry"/></mxCell><mxCell id="i2" value="Lambda" style="{AWS}resIcon=mxgraph.aws4.lambda;" vertex="1" parent="cl"><mxGeometry x="240" y="100" width="78" height="78" as="geometry"/></mxCell><mxCell id="i3" value="DynamoDB" style="{AWS}resIcon=mxgraph.aws4.dynamodb;" vertex="1" parent="cl"><mxGeometry x="440" y="100" width="78" height="78" as="geometry"/></mxCell><mxCell id="l1" style="edgeStyle=orthogonalEdgeStyle;html=1;endArrow=none;" edge="1" parent="cl" source="i1" target="i2"><mxGeometry relative="1" as="geometry"/></mxCell><mxCell id="l2" style="edgeStyle=orthogonalEdgeStyle;html=1;endArrow=classic;" edge="1" parent="cl" source="i2" target="i3"><mxGeometry relative="1" as="geometry"/></mxCell></root></mxGraphModel>'''
zones = f'''<mxGraphModel dx="1426" dy="794" grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="1" pageScale="1" pageWidth="1169" pageHeight="827" math="0" shadow="0">
      <root>
        <mxCell id="0" />
        <mxCell id="1" parent="0" />
        <mxCell id="zone" value="Zone A (internal)" style="rounded=0;whiteSpace=wrap;html=1;fillColor=#f5f5f5;dashed=1;verticalAlign=top;align=left;" vertex="1" parent="1">
          <mxGeometry x="20" y="20" width="500" height="320" as="geometry" />
        </mxCell>
        <mxCell id="web" value="Web shop" style="rounded=1;whiteSpace=wrap;html=1;" vertex="1" parent="1">
          <mxGeometry x="60" y="80" width="120" height="60" as="geometry" />
        </mxCell>
        <mxCell id="api" value="" style="rounded=1;whiteSpace=wrap;html=1;" vertex="1" parent="1">
          <mxGeometry x="300" y="80" width="120" height="60" as="geometry" />
        </mxCell>
        <mxCell id="apilabel" value="Billing API" style="{TXT}" vertex="1" parent="api">
          <mxGeometry x="20" y="15" width="80" height="30" as="geometry" />
        </mxCell>
        <mxCell id="grp" value="" style="group" vertex="1" connectable="0" parent="1">
          <mxGeometry x="260" y="200" width="200" height="100" as="geometry" />
        </mxCell>
        <mxCell id="ledger" value="Ledger" style="rounded=1;whiteSpace=wrap;html=1;" vertex="1" parent="grp">
          <mxGeometry x="40" y="20" width="120" height="60" as="geometry" />
        </mxCell>
        <mxCell id="logo" value="" style="shape=image;verticalLabelPosition=bottom;labelBackgroundColor=default;verticalAlign=top;aspect=fixed;imageAspect=0;image=https://example.com/logo.png;" vertex="1" parent="1">
          <mxGeometry x="560" y="20" width="60" height="60" as="geometry" />
        </mxCell>
        <mxCell id="z1" value="charge" style="{EDGE}" edge="1" parent="1" source="web" target="apilabel">
          <mxGeometry relative="1" as="geometry" />
        </mxCell>
        <mxCell id="z2" style="{EDGE}" edge="1" parent="1" source="api" target="ledger">
          <mxGeometry relative="1" as="geometry" />
        </mxCell>
      </root>
    </mxGraphModel>'''
open('architecture.drawio','w').write(head + '  <diagram id="ar-cloud" name="Cloud">' + compress(cloud) + '</diagram>\n'
   + '  <diagram id="ar-zones" name="Zones">\n    ' + zones + '\n  </diagram>\n</mxfile>\n')

loan = f'''<mxGraphModel dx="1426" dy="794" grid="1" gridSize="10" guides="1" tooltips="1" connect="1" arrows="1" fold="1" page="1" pageScale="1" pageWidth="1169" pageHeight="827" math="0" shadow="0">
      <root>
        <mxCell id="0" />
        <mxCell id="1" parent="0" />
        <UserObject label="%name%&lt;br&gt;&lt;span style=&quot;font-size: 10px;&quot;&gt;&lt;i&gt;%team%&lt;/i&gt;&lt;/span&gt;" placeholders="1" name="Approve loan" team="Credit" id="a">
          <mxCell style="rounded=1;whiteSpace=wrap;html=1;" vertex="1" parent="1">
            <mxGeometry x="40" y="40" width="120" height="60" as="geometry" />
          </mxCell>
        </UserObject>
        <mxCell id="b" value="&lt;p style=&quot;margin: 0px;&quot;&gt;Send&lt;/p&gt;&lt;p style=&quot;margin: 0px;&quot;&gt;offer&lt;/p&gt;" style="rounded=1;whiteSpace=wrap;html=1;" vertex="1" parent="1">
          <mxGeometry x="240" y="40" width="120" height="60" as="geometry" />
        </mxCell>
        <mxCell id="c" value="&lt;span&gt;&lt;span style=&quot;color: rgb(0, 0, 0);&quot;&gt;Clos&lt;/span&gt;&lt;/span&gt;&lt;span&gt;ed&lt;/span&gt;" style="ellipse;whiteSpace=wrap;html=1;" vertex="1" parent="1">
          <mxGeometry x="440" y="40" width="80" height="60" as="geometry" />
        </mxCell>
        <object label="Review %reviewer%" placeholders="1" id="d">
          <mxCell style="rounded=1;whiteSpace=wrap;html=1;" vertex="1" parent="1">
            <mxGeometry x="abc" y="160" width="120" height="60" as="geometry" />
          </mxCell>
        </object>
        <mxCell id="odd" value="stray note" parent="1" />
        <mxCell id="e1" style="{EDGE}" edge="1" parent="1" source="a" target="b">
          <mxGeometry relative="1" as="geometry" />
        </mxCell>
        <mxCell id="e1a" value="accepted" style="{LBL}" vertex="1" connectable="0" parent="e1">
          <mxGeometry x="-0.1" relative="1" as="geometry">
            <mxPoint as="offset" />
          </mxGeometry>
        </mxCell>
        <mxCell id="e1b" value="1..n" style="{LBL}" vertex="1" connectable="0" parent="e1">
          <mxGeometry x="0.8" relative="1" as="geometry">
            <mxPoint x="0" y="-10" as="offset" />
          </mxGeometry>
        </mxCell>
        <mxCell id="e2" style="{EDGE}" edge="1" parent="1" source="b" target="c">
          <mxGeometry relative="1" as="geometry" />
        </mxCell>
        <mxCell id="e3" value="unsure" style="{EDGE}" edge="1" parent="1" source="a" target="d">
          <mxGeometry relative="1" as="geometry" />
        </mxCell>
        <mxCell id="e4" style="{EDGE}" edge="1" parent="1" source="d" target="b">
          <mxGeometry relative="1" as="geometry" />
        </mxCell>
      </root>
    </mxGraphModel>'''
open('labels-and-placeholders.drawio','w').write(head + '  <diagram id="lp" name="Loan">\n    ' + loan + '\n  </diagram>\n</mxfile>\n')

simple = open('flowchart-orders.drawio').read()
# broken and odd files
open('bom-utf8.drawio','wb').write(b'\xef\xbb\xbf' + ('<?xml version="1.0" encoding="UTF-8"?>\n' + head + '  <diagram id="b" name="Prüfung">' + compress(refunds) + '</diagram>\n</mxfile>\n').encode('utf-8'))
latin = ('<?xml version="1.0" encoding="ISO-8859-1"?>\n' + head + '  <diagram id="l" name="Prüfung">\n    ' + refunds.replace('Refund paid', 'Rückzahlung erledigt') + '\n  </diagram>\n</mxfile>\n')
open('iso-8859-1.drawio','wb').write(latin.encode('latin-1'))
import random
r = random.Random(7)
open('binary.drawio','wb').write(bytes([0x00, 0x01, 0x02, 0xff, 0xfe]) + bytes(r.randrange(256) for _ in range(2000)))
open('saved-page.html','w').write('<!DOCTYPE html>\n<html><head><title>Flowchart Maker &amp; Online Diagram Software</title></head><body><div class="geDiagramContainer"></div></body></html>\n')
good = compress(refunds)
cut = compress(order)
open('truncated-page.drawio','w').write(head + '  <diagram id="t1" name="Refunds">' + good + '</diagram>\n  <diagram id="t2" name="Orders">' + cut[: len(cut) // 2] + '</diagram>\n</mxfile>\n')
open('empty-page.drawio','w').write(head + '  <diagram id="p1" name="Draft" />\n  <diagram id="p2" name="Refunds">' + good + '</diagram>\n  <diagram id="p3" name="Garbage">' + base64.b64encode(b'this is not deflate data at all, just text').decode() + '</diagram>\n</mxfile>\n')
latin_undeclared = (head + '  <diagram id="l" name="Pr\u00fcfung">\n    ' + refunds + '\n  </diagram>\n</mxfile>\n')
open('latin1-undeclared.drawio','wb').write(latin_undeclared.encode('latin-1'))
