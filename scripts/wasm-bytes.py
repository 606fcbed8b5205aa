# Per-crate sizes of a wasm module with a name section: python3 scripts/wasm-bytes.py MODULE [ROWS].
# Reads the sections by hand (a few lines of the binary format) rather than
# through a package: nothing beyond CPython is needed.
import sys,re,collections,zlib
def leb(b,i):
    r=s=0
    while True:
        x=b[i]; i+=1; r|=(x&0x7f)<<s; s+=7
        if x<0x80: return r,i
def sections(b):
    i=8
    while i<len(b):
        sid=b[i]; i+=1; n,i=leb(b,i); yield sid,b[i:i+n]; i+=n
b=open(sys.argv[1],'rb').read()
imports=0; bodies=[]; names={}; datasz=0; custom={}
for sid,c in sections(b):
    if sid==2:
        n,j=leb(c,0); cnt=0
        for _ in range(n):
            l,j=leb(c,j); j+=l; l,j=leb(c,j); j+=l; k=c[j]; j+=1
            if k==0: _,j=leb(c,j); cnt+=1
            elif k==1: j+=1; f=c[j]; j+=1; _,j=leb(c,j); j= (leb(c,j)[1] if f&1 else j)
            elif k==2: f=c[j]; j+=1; _,j=leb(c,j); j=(leb(c,j)[1] if f&1 else j)
            elif k==3: j+=2
            elif k==4: j+=1; _,j=leb(c,j)
        imports=cnt
    elif sid==10:
        n,j=leb(c,0)
        for _ in range(n):
            l,j=leb(c,j); bodies.append(c[j:j+l]); j+=l
    elif sid==11: datasz=len(c); data=c
    elif sid==0:
        l,j=leb(c,0); nm=c[j:j+l].decode(); j+=l; custom[nm]=len(c)
        if nm=='name':
            while j<len(c):
                t=c[j]; j+=1; l,j=leb(c,j); sub=c[j:j+l]; j+=l
                if t==1:
                    n,k=leb(sub,0)
                    for _ in range(n):
                        idx,k=leb(sub,k); l2,k=leb(sub,k); names[idx]=sub[k:k+l2].decode('utf8','replace'); k+=l2
def crate(n):
    if n.startswith('_ZN'):
        m=re.match(r'_ZN(\d+)',n); l=int(m.group(1)); seg=n[m.end():m.end()+l]
        seg=seg.replace('$LT$','').replace('$RF$','').replace('$u20$',' ').lstrip('_')
        seg=re.sub(r'^(mut |dyn )','',seg)
        return re.split(r'\.\.|\$',seg)[0]
    if n.startswith('_R'):
        m=re.search(r'C[sb]?[0-9A-Za-z]*_(\d+)([A-Za-z_][A-Za-z0-9_]*)',n)
        if m: return m.group(2)[:int(m.group(1))]
    n=re.sub(r'\.llvm\.\d+$','',n)
    m=re.match(r'^<?&?(?:mut )?(?:dyn )?([A-Za-z_][A-Za-z0-9_]*)::',n)
    if m: return m.group(1)
    return n[:40]
g=collections.Counter(); gz=collections.defaultdict(bytes)
for i,body in enumerate(bodies):
    n=names.get(imports+i,'?'); k=crate(n); g[k]+=len(body); gz[k]+=body
g['[data]']=datasz; gz['[data]']=data if datasz else b''
tot=sum(g.values())
print(f"{'crate':32s} {'raw':>8s} {'deflate':>8s}")
for k,v in g.most_common(int(sys.argv[2]) if len(sys.argv)>2 else 30):
    print(f"{k:32s} {v:8d} {len(zlib.compress(gz[k],9)):8d}")
print('functions',len(bodies),'total',tot,'custom',custom)
