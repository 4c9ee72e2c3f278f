<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>Labels</name>
    <message>
        <source>Draft</source>
        <translation>Draf</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Berlangsung</translation>
    </message>
    <message>
        <source>Awaiting sign-off</source>
        <translation>Menunggu tanda tangan</translation>
    </message>
    <message>
        <source>Signed</source>
        <translation>Ditandatangani</translation>
    </message>
    <message>
        <source>Amended</source>
        <translation>Diamendemen</translation>
    </message>
    <message>
        <source>Lead evaluator</source>
        <translation>Ketua tim evaluator</translation>
    </message>
    <message>
        <source>Evaluator</source>
        <translation>Evaluator</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Penanda tangan</translation>
    </message>
    <message>
        <source>Agency head</source>
        <translation>Kepala OPD</translation>
    </message>
    <message>
        <source>Smart-city council</source>
        <translation>Dewan Smart City</translation>
    </message>
    <message>
        <source>Implementation team</source>
        <translation>Tim Pelaksana</translation>
    </message>
    <message>
        <source>Observer</source>
        <translation>Pengamat</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Select a session to see its overview.</source>
        <translation>Pilih sesi untuk melihat ringkasannya.</translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation>Folder data: %1</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Berkas</translation>
    </message>
    <message>
        <source>&amp;Refresh</source>
        <translation>&amp;Muat ulang</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Keluar</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ban&amp;tuan</translation>
    </message>
    <message>
        <source>&amp;About Evaluator</source>
        <translation>&amp;Tentang Evaluator</translation>
    </message>
    <message>
        <source>There are no evaluation sessions on this laptop yet.
To try the app, start it with: evaluator-app --demo</source>
        <translation>Belum ada sesi evaluasi di laptop ini.
Untuk mencoba aplikasi, jalankan: evaluator-app --demo</translation>
    </message>
    <message>
        <source>About Evaluator</source>
        <translation>Tentang Evaluator</translation>
    </message>
    <message>
        <source>Offline maturity-evaluation meetings: score indicators, record evidence and findings, sign the minutes.</source>
        <translation>Rapat evaluasi tingkat kematangan tanpa internet: menilai indikator, mencatat bukti dukung dan temuan, menandatangani berita acara.</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
</context>
<context>
    <name>SessionDetailsPanel</name>
    <message>
        <source>Framework:</source>
        <translation>Instrumen:</translation>
    </message>
    <message>
        <source>Stage:</source>
        <translation>Tahap:</translation>
    </message>
    <message>
        <source>Date:</source>
        <translation>Tanggal:</translation>
    </message>
    <message>
        <source>Venue:</source>
        <translation>Tempat:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Progress:</source>
        <translation>Kemajuan:</translation>
    </message>
    <message>
        <source>Index:</source>
        <translation>Indeks:</translation>
    </message>
    <message>
        <source>Predicate:</source>
        <translation>Predikat:</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Dimensi</translation>
    </message>
    <message>
        <source>Score</source>
        <translation>Nilai</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Position, organisation</source>
        <translation>Jabatan, instansi</translation>
    </message>
    <message>
        <source>Dimensions</source>
        <translation>Dimensi</translation>
    </message>
    <message>
        <source>Participants (%1 present of %2)</source>
        <translation>Peserta (%1 hadir dari %2)</translation>
    </message>
</context>
<context>
    <name>SessionListModel</name>
    <message>
        <source>Region</source>
        <translation>Wilayah</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>Tahap</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Tahun</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tanggal</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Kemajuan</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
</context>
</TS>
