//! A minimal ZIP writer for the tests: stored or deflated entries, names as
//! given (hostile ones too).
#![allow(dead_code)]

pub fn zip(files: &[(&str, &[u8], bool)]) -> Vec<u8> {
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, data, deflate) in files {
        let body = if *deflate { miniz_oxide::deflate::compress_to_vec(data, 6) } else { data.to_vec() };
        let crc = crc32fast::hash(data);
        let offset = out.len() as u32;
        let method: u16 = if *deflate { 8 } else { 0 };
        let mut head = Vec::new();
        head.extend(0x0403_4b50u32.to_le_bytes());
        head.extend(20u16.to_le_bytes());
        head.extend(0x0800u16.to_le_bytes());
        head.extend(method.to_le_bytes());
        head.extend([0u8; 4]);
        head.extend(crc.to_le_bytes());
        head.extend((body.len() as u32).to_le_bytes());
        head.extend((data.len() as u32).to_le_bytes());
        head.extend((name.len() as u16).to_le_bytes());
        head.extend(0u16.to_le_bytes());
        out.extend(&head);
        out.extend(name.as_bytes());
        out.extend(&body);
        central.extend(0x0201_4b50u32.to_le_bytes());
        central.extend(20u16.to_le_bytes());
        central.extend(20u16.to_le_bytes());
        central.extend(0x0800u16.to_le_bytes());
        central.extend(method.to_le_bytes());
        central.extend([0u8; 4]);
        central.extend(crc.to_le_bytes());
        central.extend((body.len() as u32).to_le_bytes());
        central.extend((data.len() as u32).to_le_bytes());
        central.extend((name.len() as u16).to_le_bytes());
        central.extend([0u8; 8]);
        central.extend([0u8; 4]);
        central.extend(offset.to_le_bytes());
        central.extend(name.as_bytes());
    }
    let cd_offset = out.len() as u32;
    out.extend(&central);
    out.extend(0x0605_4b50u32.to_le_bytes());
    out.extend([0u8; 4]);
    // A writer without ZIP64 keeps the low 16 bits of the count.
    let n = (files.len() & 0xffff) as u16;
    out.extend(n.to_le_bytes());
    out.extend(n.to_le_bytes());
    out.extend((central.len() as u32).to_le_bytes());
    out.extend(cd_offset.to_le_bytes());
    out.extend(0u16.to_le_bytes());
    out
}

/// Rewrites the uncompressed size that the central directory gives `name`.
pub fn lie_about_size(zip: &mut [u8], name: &str, size: u32) {
    let mut at = 0;
    while let Some(p) = zip[at..].windows(4).position(|w| w == 0x0201_4b50u32.to_le_bytes()) {
        let rec = at + p;
        let len = u16::from_le_bytes([zip[rec + 28], zip[rec + 29]]) as usize;
        if &zip[rec + 46..rec + 46 + len] == name.as_bytes() {
            zip[rec + 24..rec + 28].copy_from_slice(&size.to_le_bytes());
            return;
        }
        at = rec + 4;
    }
}

/// An OFD package with one file's bytes replaced (or added), every other
/// entry as it was, written again by the issuer's package writer.
pub fn with_file(bytes: &[u8], name: &str, data: Vec<u8>) -> Vec<u8> {
    let p = zz_ofd::package::Package::open(bytes).unwrap();
    let names: Vec<String> = p.names().map(str::to_owned).collect();
    let mut o = zz_issuer::ofd::Ofd::from_files(
        names.iter().map(|n| (n.clone(), if n == name { data.clone() } else { p.read(n).unwrap().to_vec() })),
    );
    o.put(name, data);
    o.to_zip()
}
