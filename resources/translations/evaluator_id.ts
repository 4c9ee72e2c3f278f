<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="id_ID">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Evaluator</source>
        <translation>Tentang Evaluator</translation>
    </message>
    <message>
        <source>Offline maturity-evaluation meetings: score indicators, record evidence and findings, sign the minutes.</source>
        <translation>Rapat evaluasi tingkat kematangan tanpa internet: menilai indikator, mencatat bukti dukung dan temuan, menandatangani berita acara.</translation>
    </message>
    <message>
        <source>Evaluator is free software under the %1 licence.</source>
        <translation>Evaluator adalah perangkat lunak bebas dengan lisensi %1.</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Versi</translation>
    </message>
    <message>
        <source>Python</source>
        <translation>Python</translation>
    </message>
    <message>
        <source>Qt</source>
        <translation>Qt</translation>
    </message>
    <message>
        <source>PySide6</source>
        <translation>PySide6</translation>
    </message>
    <message>
        <source>not opened yet</source>
        <translation>belum dibuka</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Folder data</translation>
    </message>
    <message>
        <source>Log file</source>
        <translation>Berkas log</translation>
    </message>
    <message>
        <source>Show the font licence</source>
        <translation>Tampilkan lisensi fon</translation>
    </message>
    <message>
        <source>The minutes embed the %1 fonts (SIL Open Font License 1.1).</source>
        <translation>Berita acara menyematkan fon %1 (SIL Open Font License 1.1).</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Included software and fonts</source>
        <translation>Perangkat lunak dan fon yang disertakan</translation>
    </message>
    <message>
        <source>Component</source>
        <translation>Komponen</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>Lisensi</translation>
    </message>
    <message>
        <source>The licence file cannot be read: %1</source>
        <translation>Berkas lisensi tidak dapat dibaca: %1</translation>
    </message>
    <message>
        <source>Hide the font licence</source>
        <translation>Sembunyikan lisensi fon</translation>
    </message>
</context>
<context>
    <name>Actions</name>
    <message>
        <source>Undo</source>
        <translation>Urungkan</translation>
    </message>
    <message>
        <source>Redo</source>
        <translation>Ulangi</translation>
    </message>
    <message>
        <source>Next indicator</source>
        <translation>Indikator berikutnya</translation>
    </message>
    <message>
        <source>Previous indicator</source>
        <translation>Indikator sebelumnya</translation>
    </message>
    <message>
        <source>Next indicator not yet settled</source>
        <translation>Indikator berikutnya yang belum tuntas</translation>
    </message>
    <message>
        <source>Previous indicator not yet settled</source>
        <translation>Indikator sebelumnya yang belum tuntas</translation>
    </message>
    <message>
        <source>Add a clarification</source>
        <translation>Tambah klarifikasi</translation>
    </message>
    <message>
        <source>Search indicators</source>
        <translation>Cari indikator</translation>
    </message>
    <message>
        <source>Full screen</source>
        <translation>Layar penuh</translation>
    </message>
    <message>
        <source>Presenter view for the projector</source>
        <translation>Tampilan presentasi untuk proyektor</translation>
    </message>
    <message>
        <source>Show the indicator</source>
        <translation>Tampilkan indikator</translation>
    </message>
    <message>
        <source>Show attendance</source>
        <translation>Tampilkan daftar hadir</translation>
    </message>
    <message>
        <source>Show all findings</source>
        <translation>Tampilkan semua temuan</translation>
    </message>
    <message>
        <source>Show the dashboard</source>
        <translation>Tampilkan dasbor</translation>
    </message>
    <message>
        <source>Close the session</source>
        <translation>Tutup sesi</translation>
    </message>
    <message>
        <source>Show the list of sessions</source>
        <translation>Tampilkan daftar sesi</translation>
    </message>
    <message>
        <source>Export draft minutes…</source>
        <translation>Ekspor berita acara draf…</translation>
    </message>
    <message>
        <source>Sign off…</source>
        <translation>Penandatanganan…</translation>
    </message>
    <message>
        <source>Export signed minutes…</source>
        <translation>Ekspor berita acara bertanda tangan…</translation>
    </message>
    <message>
        <source>Reopen for amendment…</source>
        <translation>Buka kembali untuk perubahan…</translation>
    </message>
    <message>
        <source>Export a bundle for another laptop…</source>
        <translation>Ekspor bundel untuk laptop lain…</translation>
    </message>
    <message>
        <source>Import a bundle from another laptop…</source>
        <translation>Impor bundel dari laptop lain…</translation>
    </message>
    <message>
        <source>Keyboard shortcuts</source>
        <translation>Pintasan keyboard</translation>
    </message>
    <message>
        <source>Set the agreed level</source>
        <translation>Tetapkan level yang disepakati</translation>
    </message>
</context>
<context>
    <name>AttendanceModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Hadir</translation>
    </message>
    <message>
        <source>Civil-servant number: 18 digits; leave it empty for guests</source>
        <translation>Nomor Induk Pegawai: 18 digit; kosongkan untuk tamu</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Tidak hadir</translation>
    </message>
</context>
<context>
    <name>AttendancePanel</name>
    <message>
        <source>Copy attendance from…</source>
        <translation>Salin daftar hadir dari…</translation>
    </message>
    <message>
        <source>Add the people of an earlier session of the same region</source>
        <translation>Tambahkan peserta dari sesi sebelumnya di wilayah yang sama</translation>
    </message>
    <message>
        <source>&amp;Remove selected</source>
        <translation>&amp;Hapus yang dipilih</translation>
    </message>
    <message>
        <source>Remove the selected people (Delete key)</source>
        <translation>Hapus peserta yang dipilih (tombol Delete)</translation>
    </message>
    <message>
        <source>This session is signed: its attendance can be read but not changed.</source>
        <translation>Sesi ini sudah ditandatangani: daftar hadirnya hanya dapat dibaca, tidak dapat diubah.</translation>
    </message>
    <message>
        <source>Full name with titles</source>
        <translation>Nama beserta gelar</translation>
    </message>
    <message>
        <source>18 digits or empty</source>
        <translation>18 digit atau kosong</translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation>T&amp;ambah</translation>
    </message>
    <message>
        <source>Add this person (Enter)</source>
        <translation>Tambahkan peserta ini (Enter)</translation>
    </message>
    <message>
        <source>&amp;Name</source>
        <translation>&amp;Nama</translation>
    </message>
    <message>
        <source>N&amp;IP</source>
        <translation>NI&amp;P</translation>
    </message>
    <message>
        <source>P&amp;osition</source>
        <translation>&amp;Jabatan</translation>
    </message>
    <message>
        <source>Organisa&amp;tion</source>
        <translation>&amp;Instansi</translation>
    </message>
    <message>
        <source>Ro&amp;le</source>
        <translation>Pe&amp;ran</translation>
    </message>
    <message>
        <source>%1 people, %2 present</source>
        <translation>%1 orang, %2 hadir</translation>
    </message>
    <message>
        <source>Not saved for %1: %2</source>
        <translation>Perubahan untuk %1 tidak disimpan: %2</translation>
    </message>
    <message>
        <source>Not added: type the person&apos;s name first.</source>
        <translation>Tidak ditambahkan: ketik nama peserta terlebih dahulu.</translation>
    </message>
    <message>
        <source>Not added: %1</source>
        <translation>Tidak ditambahkan: %1</translation>
    </message>
    <message>
        <source>Added %1.</source>
        <translation>%1 ditambahkan.</translation>
    </message>
    <message>
        <source>Not removed: %1</source>
        <translation>Tidak dihapus: %1</translation>
    </message>
    <message>
        <source>Removed %1. Undo (Ctrl+Z) brings them back.</source>
        <translation>%1 dihapus. Urungkan (Ctrl+Z) untuk mengembalikannya.</translation>
    </message>
    <message>
        <source>No other session of %1 on this laptop</source>
        <translation>Tidak ada sesi lain untuk %1 di laptop ini</translation>
    </message>
    <message>
        <source>%1 · stage %2 · %3 · %4</source>
        <translation>%1 · tahap %2 · %3 · %4</translation>
    </message>
    <message>
        <source>Not copied: %1</source>
        <translation>Tidak disalin: %1</translation>
    </message>
    <message>
        <source>Copied %1 people; those already listed were left as they are.</source>
        <translation>%1 orang disalin; peserta yang sudah tercantum tidak diubah.</translation>
    </message>
    <message>
        <source>Everyone from that session is listed already.</source>
        <translation>Semua peserta dari sesi tersebut sudah tercantum.</translation>
    </message>
</context>
<context>
    <name>BundleActions</name>
    <message>
        <source>The session already holds everything in the bundle; nothing changed.</source>
        <translation>Sesi ini sudah memuat semua isi bundel; tidak ada yang berubah.</translation>
    </message>
    <message>
        <source>Added the session %1 %2 from the bundle; open it from the start screen.</source>
        <translation>Sesi %1 %2 ditambahkan dari bundel; buka dari layar awal.</translation>
    </message>
    <message>
        <source>Merged %1&apos;s bundle: %2 records added, %3 fields taken, %4 records removed, %5 conflicts settled.</source>
        <translation>Bundel dari %1 digabungkan: %2 catatan ditambahkan, %3 isian diambil, %4 catatan dihapus, %5 konflik diselesaikan.</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Tidak diimpor: %1</translation>
    </message>
</context>
<context>
    <name>BundleExportDialog</name>
    <message>
        <source>Export a bundle</source>
        <translation>Ekspor bundel</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Ekspor</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>What to export</source>
        <translation>Apa yang diekspor</translation>
    </message>
    <message>
        <source>The whole session</source>
        <translation>Seluruh sesi</translation>
    </message>
    <message>
        <source>Chosen dimensions</source>
        <translation>Dimensi terpilih</translation>
    </message>
    <message>
        <source>One evaluator&apos;s work</source>
        <translation>Pekerjaan satu evaluator</translation>
    </message>
    <message>
        <source>Their indicators only; the session and its attendance always go along.</source>
        <translation>Hanya indikatornya; sesi dan daftar hadirnya selalu ikut.</translation>
    </message>
    <message>
        <source>The dimensions they hold and every indicator they rated or asked about.</source>
        <translation>Dimensi yang dipegangnya dan setiap indikator yang dinilainya atau ditanyakannya.</translation>
    </message>
    <message>
        <source>No evaluator is listed in the attendance.</source>
        <translation>Tidak ada evaluator dalam daftar hadir.</translation>
    </message>
    <message>
        <source>Protection</source>
        <translation>Perlindungan</translation>
    </message>
    <message>
        <source>Protect with a passphrase</source>
        <translation>Lindungi dengan frasa sandi</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Frasa sandi:</translation>
    </message>
    <message>
        <source>Repeat it:</source>
        <translation>Ulangi:</translation>
    </message>
    <message>
        <source>Where to save</source>
        <translation>Tempat menyimpan</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Evaluator session files (*.evpkg)</source>
        <translation>Berkas sesi Evaluator (*.evpkg)</translation>
    </message>
    <message>
        <source>Tick at least one dimension to export.</source>
        <translation>Centang sedikitnya satu dimensi untuk diekspor.</translation>
    </message>
    <message>
        <source>Type a passphrase, or untick the protection.</source>
        <translation>Ketik frasa sandi, atau hapus centang perlindungan.</translation>
    </message>
    <message>
        <source>The two passphrases differ; type them again.</source>
        <translation>Kedua frasa sandi berbeda; ketik ulang keduanya.</translation>
    </message>
    <message>
        <source>Choose where to save the bundle.</source>
        <translation>Pilih tempat menyimpan bundel.</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Tidak diekspor: %1</translation>
    </message>
    <message>
        <source>Bundle exported</source>
        <translation>Bundel diekspor</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Disimpan di %1</translation>
    </message>
    <message>
        <source>%1 records, %2 evidence files, %3</source>
        <translation>%1 catatan, %2 berkas bukti, %3</translation>
    </message>
    <message>
        <source>Protected with a passphrase: tell it to the recipient another way.</source>
        <translation>Dilindungi frasa sandi: sampaikan frasa sandinya kepada penerima lewat cara lain.</translation>
    </message>
</context>
<context>
    <name>BundleImport</name>
    <message>
        <source>Open a session file</source>
        <translation>Buka berkas sesi</translation>
    </message>
    <message>
        <source>Evaluator session files (*.evpkg)</source>
        <translation>Berkas sesi Evaluator (*.evpkg)</translation>
    </message>
    <message>
        <source>Encrypted session file</source>
        <translation>Berkas sesi terenkripsi</translation>
    </message>
    <message>
        <source>Passphrase for %1:</source>
        <translation>Frasa sandi untuk %1:</translation>
    </message>
</context>
<context>
    <name>ClarificationCard</name>
    <message>
        <source>Open</source>
        <translation>Terbuka</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Terjawab</translation>
    </message>
    <message>
        <source>Asked by %1</source>
        <translation>Ditanyakan oleh %1</translation>
    </message>
    <message>
        <source>Answered by %1</source>
        <translation>Dijawab oleh %1</translation>
    </message>
    <message>
        <source>Earlier answer by %1 (reopened)</source>
        <translation>Jawaban sebelumnya oleh %1 (dibuka kembali)</translation>
    </message>
    <message>
        <source>Answer…</source>
        <translation>Jawab…</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Buka kembali</translation>
    </message>
    <message>
        <source>The answer did not settle it: ask again</source>
        <translation>Jawaban belum menuntaskan pertanyaan: tanyakan kembali</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
</context>
<context>
    <name>ClarificationsView</name>
    <message>
        <source>No questions yet.</source>
        <translation>Belum ada pertanyaan.</translation>
    </message>
    <message>
        <source>New question (Ctrl+Enter), then Enter to add</source>
        <translation>Pertanyaan baru (Ctrl+Enter), lalu Enter</translation>
    </message>
    <message>
        <source>Who asks</source>
        <translation>Penanya</translation>
    </message>
    <message>
        <source>Add question</source>
        <translation>Tambah pertanyaan</translation>
    </message>
    <message>
        <source>(not recorded)</source>
        <translation>(tidak dicatat)</translation>
    </message>
</context>
<context>
    <name>CrashDialog</name>
    <message>
        <source>Something went wrong</source>
        <translation>Terjadi kesalahan</translation>
    </message>
    <message>
        <source>Evaluator met an unexpected error. Your work is saved; you can go on. The details are in the log file.</source>
        <translation>Evaluator mengalami kesalahan yang tidak terduga. Pekerjaan Anda sudah tersimpan; Anda dapat melanjutkan. Rinciannya ada di berkas log.</translation>
    </message>
    <message>
        <source>Copy details</source>
        <translation>Salin rincian</translation>
    </message>
</context>
<context>
    <name>DashboardView</name>
    <message>
        <source>Index</source>
        <translation>Indeks</translation>
    </message>
    <message>
        <source>Self-assessment: %1</source>
        <translation>Penilaian mandiri: %1</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Disepakati</translation>
    </message>
    <message>
        <source>Self-assessment</source>
        <translation>Penilaian mandiri</translation>
    </message>
    <message>
        <source>Indicators: %1 of %2 done</source>
        <translation>Indikator: %1 dari %2 selesai</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>The index of the region&apos;s previous session, and the change since</source>
        <translation>Indeks sesi daerah ini sebelumnya, dan perubahannya sejak itu</translation>
    </message>
    <message>
        <source>Open clarifications (%1)</source>
        <translation>Klarifikasi terbuka (%1)</translation>
    </message>
    <message>
        <source>Evidence still to come (%1)</source>
        <translation>Bukti dukung yang ditunggu (%1)</translation>
    </message>
    <message>
        <source>No question is waiting for an answer.</source>
        <translation>Tidak ada pertanyaan yang menunggu jawaban.</translation>
    </message>
    <message>
        <source>No evidence is still to come.</source>
        <translation>Tidak ada bukti dukung yang ditunggu.</translation>
    </message>
    <message>
        <source>No start time is set for this meeting.</source>
        <translation>Waktu mulai rapat belum ditetapkan.</translation>
    </message>
    <message>
        <source>Meeting %1, %2 (planned)</source>
        <translation>Rapat %1, %2 (rencana)</translation>
    </message>
    <message>
        <source>%1 · %2 elapsed, %3 left</source>
        <translation>%1 · berjalan %2, sisa %3</translation>
    </message>
    <message>
        <source>%1 · %2 elapsed, %3 past the planned end</source>
        <translation>%1 · berjalan %2, lewat %3 dari rencana selesai</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 j %2 mnt</translation>
    </message>
    <message>
        <source>%1 min</source>
        <translation>%1 mnt</translation>
    </message>
</context>
<context>
    <name>DataActions</name>
    <message>
        <source>Open data folder</source>
        <translation>Buka folder data</translation>
    </message>
    <message>
        <source>Back up data now…</source>
        <translation>Cadangkan data sekarang…</translation>
    </message>
    <message>
        <source>Back up data</source>
        <translation>Cadangkan data</translation>
    </message>
    <message>
        <source>Evaluator database (*.sqlite)</source>
        <translation>Basis data Evaluator (*.sqlite)</translation>
    </message>
    <message>
        <source>The data was backed up to %1.</source>
        <translation>Data telah dicadangkan ke %1.</translation>
    </message>
</context>
<context>
    <name>Dialogs</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
</context>
<context>
    <name>EvidenceDialog</name>
    <message>
        <source>Web address:</source>
        <translation>Alamat web:</translation>
    </message>
    <message>
        <source>Title:</source>
        <translation>Judul:</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>Tenggat:</translation>
    </message>
    <message>
        <source>Note:</source>
        <translation>Catatan:</translation>
    </message>
</context>
<context>
    <name>EvidenceView</name>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Tenggat</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>Drop files here to attach them</source>
        <translation>Seret berkas ke sini untuk melampirkannya</translation>
    </message>
    <message>
        <source>No evidence yet. Drop files anywhere on this page to attach them.</source>
        <translation>Belum ada bukti dukung. Seret berkas ke bagian mana pun di halaman ini untuk melampirkannya.</translation>
    </message>
    <message>
        <source>Attach file…</source>
        <translation>Lampirkan berkas…</translation>
    </message>
    <message>
        <source>Copy files into the evidence store (or drop them on the page)</source>
        <translation>Salin berkas ke penyimpanan bukti dukung (atau seret ke halaman ini)</translation>
    </message>
    <message>
        <source>Link…</source>
        <translation>Tautan…</translation>
    </message>
    <message>
        <source>Add a web address</source>
        <translation>Tambahkan alamat web</translation>
    </message>
    <message>
        <source>Seen in the room…</source>
        <translation>Dilihat di rapat…</translation>
    </message>
    <message>
        <source>A document shown in the meeting but not handed over</source>
        <translation>Dokumen yang diperlihatkan dalam rapat tetapi tidak diserahkan</translation>
    </message>
    <message>
        <source>Promised…</source>
        <translation>Dijanjikan…</translation>
    </message>
    <message>
        <source>Evidence the city will deliver by a due date</source>
        <translation>Bukti dukung yang akan diserahkan daerah paling lambat pada tenggat</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Open the file or the web address</source>
        <translation>Buka berkas atau alamat web</translation>
    </message>
    <message>
        <source>Accept</source>
        <translation>Terima</translation>
    </message>
    <message>
        <source>The evidence supports the level</source>
        <translation>Bukti dukung sesuai dengan level</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>Tolak…</translation>
    </message>
    <message>
        <source>The evidence does not support the level</source>
        <translation>Bukti dukung tidak sesuai dengan level</translation>
    </message>
    <message>
        <source>Pending…</source>
        <translation>Menunggu…</translation>
    </message>
    <message>
        <source>Still to be delivered, by a due date</source>
        <translation>Masih akan diserahkan, paling lambat pada tenggat</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Remove this piece of evidence</source>
        <translation>Hapus bukti dukung ini</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Lewat tenggat</translation>
    </message>
    <message>
        <source>Note: %1</source>
        <translation>Catatan: %1</translation>
    </message>
    <message>
        <source>Link</source>
        <translation>Tautan</translation>
    </message>
    <message>
        <source>Seen in the room</source>
        <translation>Dilihat di rapat</translation>
    </message>
    <message>
        <source>Cannot prepare the file for viewing: %1</source>
        <translation>Berkas tidak dapat disiapkan untuk dibuka: %1</translation>
    </message>
    <message>
        <source>No program on this computer opens %1</source>
        <translation>Tidak ada program di komputer ini yang dapat membuka %1</translation>
    </message>
    <message>
        <source>Add a link</source>
        <translation>Tambah tautan</translation>
    </message>
    <message>
        <source>A document seen in the room</source>
        <translation>Dokumen yang dilihat di rapat</translation>
    </message>
    <message>
        <source>Evidence promised</source>
        <translation>Bukti dukung yang dijanjikan</translation>
    </message>
    <message>
        <source>Pending: %1</source>
        <translation>Menunggu: %1</translation>
    </message>
    <message>
        <source>Reject: %1</source>
        <translation>Tolak: %1</translation>
    </message>
    <message>
        <source>Why (optional)</source>
        <translation>Alasan (opsional)</translation>
    </message>
    <message>
        <source>Attach evidence files</source>
        <translation>Lampirkan berkas bukti dukung</translation>
    </message>
</context>
<context>
    <name>FindingCard</name>
    <message>
        <source>To: %1</source>
        <translation>Kepada: %1</translation>
    </message>
    <message>
        <source>%1 priority</source>
        <translation>Prioritas %1</translation>
    </message>
    <message>
        <source>due %1</source>
        <translation>tenggat %1</translation>
    </message>
    <message>
        <source>Whole session</source>
        <translation>Seluruh sesi</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Ubah…</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Hapus</translation>
    </message>
</context>
<context>
    <name>FindingEditor</name>
    <message>
        <source>Edit finding</source>
        <translation>Ubah temuan</translation>
    </message>
    <message>
        <source>New finding</source>
        <translation>Temuan baru</translation>
    </message>
    <message>
        <source>What was found (required)</source>
        <translation>Apa yang ditemukan (wajib)</translation>
    </message>
    <message>
        <source>What the agencies should do</source>
        <translation>Apa yang perlu dilakukan perangkat daerah</translation>
    </message>
    <message>
        <source>Another agency, then Enter</source>
        <translation>Perangkat daerah lain, lalu Enter</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Tambah</translation>
    </message>
    <message>
        <source>Due by</source>
        <translation>Paling lambat</translation>
    </message>
    <message>
        <source>(none: the session as a whole)</source>
        <translation>(tidak ada: sesi secara keseluruhan)</translation>
    </message>
    <message>
        <source>Finding:</source>
        <translation>Temuan:</translation>
    </message>
    <message>
        <source>Recommendation:</source>
        <translation>Rekomendasi:</translation>
    </message>
    <message>
        <source>Addressed to:</source>
        <translation>Ditujukan kepada:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Prioritas:</translation>
    </message>
    <message>
        <source>Due date:</source>
        <translation>Tenggat:</translation>
    </message>
    <message>
        <source>Indicator:</source>
        <translation>Indikator:</translation>
    </message>
    <message>
        <source>A due date can be changed but not removed</source>
        <translation>Tenggat dapat diubah, tetapi tidak dapat dihapus</translation>
    </message>
</context>
<context>
    <name>Findings</name>
    <message>
        <source>High</source>
        <translation>Tinggi</translation>
    </message>
    <message>
        <source>Medium</source>
        <translation>Sedang</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Rendah</translation>
    </message>
</context>
<context>
    <name>FindingsList</name>
    <message>
        <source>No findings yet.</source>
        <translation>Belum ada temuan.</translation>
    </message>
    <message>
        <source>Add finding…</source>
        <translation>Tambah temuan…</translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Welcome to Evaluator</source>
        <translation>Selamat datang di Evaluator</translation>
    </message>
    <message>
        <source>A few questions before the first meeting. Everything can be changed later in Settings; “Skip” starts with the defaults.</source>
        <translation>Beberapa pertanyaan sebelum rapat pertama. Semuanya dapat diubah nanti di Pengaturan; “Lewati” memulai dengan pengaturan bawaan.</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Anda</translation>
    </message>
    <message>
        <source>Where the data lives</source>
        <translation>Lokasi penyimpanan data</translation>
    </message>
    <message>
        <source>Signing identity</source>
        <translation>Identitas penanda tangan</translation>
    </message>
    <message>
        <source>Your identity signs the minutes: a certificate kept in the data folder, locked by a passphrase only you know.</source>
        <translation>Identitas Anda digunakan untuk menandatangani berita acara: sertifikat yang disimpan di folder data dan dikunci dengan frasa sandi yang hanya Anda ketahui.</translation>
    </message>
    <message>
        <source>Create one now</source>
        <translation>Buat sekarang</translation>
    </message>
    <message>
        <source>Import a .p12 file</source>
        <translation>Impor berkas .p12</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Nanti</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frasa sandi</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>sedikitnya %1 karakter</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Ulangi frasa sandi</translation>
    </message>
    <message>
        <source>the same again</source>
        <translation>ketik ulang yang sama</translation>
    </message>
    <message>
        <source>It is asked for at every signature and cannot be recovered.</source>
        <translation>Frasa sandi diminta pada setiap penandatanganan dan tidak dapat dipulihkan.</translation>
    </message>
    <message>
        <source>You can create or import one later in Tools → Signing identities, or when you sign.</source>
        <translation>Anda dapat membuat atau mengimpornya nanti di Alat → Identitas penanda tangan, atau saat menandatangani.</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>the .p12 or .pfx file</source>
        <translation>berkas .p12 atau .pfx</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>the passphrase that protects the file</source>
        <translation>frasa sandi yang melindungi berkas</translation>
    </message>
    <message>
        <source>Skip</source>
        <translation>Lewati</translation>
    </message>
    <message>
        <source>Start with the defaults; nothing typed here is kept</source>
        <translation>Mulai dengan pengaturan bawaan; isian di sini tidak disimpan</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>Mulai</translation>
    </message>
    <message>
        <source>Choose a data folder that can be used (see above).</source>
        <translation>Pilih folder data yang dapat digunakan (lihat di atas).</translation>
    </message>
    <message>
        <source>Your answers could not be saved in %1: %2</source>
        <translation>Jawaban Anda tidak dapat disimpan di %1: %2</translation>
    </message>
    <message>
        <source>Choose the .p12 file to import.</source>
        <translation>Pilih berkas .p12 yang akan diimpor.</translation>
    </message>
    <message>
        <source>Type your name: the identity is made out to it.</source>
        <translation>Ketik nama Anda: identitas dibuat atas nama tersebut.</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least %1 characters.</source>
        <translation>Frasa sandi terlalu pendek: gunakan sedikitnya %1 karakter.</translation>
    </message>
    <message>
        <source>The two passphrases differ; type them again.</source>
        <translation>Kedua frasa sandi berbeda; ketik ulang keduanya.</translation>
    </message>
    <message>
        <source>The identity was not created: %1</source>
        <translation>Identitas tidak dibuat: %1</translation>
    </message>
    <message>
        <source>The identity was not imported: %1</source>
        <translation>Identitas tidak diimpor: %1</translation>
    </message>
</context>
<context>
    <name>FolderField</name>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>Where the data lives</source>
        <translation>Lokasi penyimpanan data</translation>
    </message>
    <message>
        <source>Type the full path of the folder, e.g. %1</source>
        <translation>Ketik jalur lengkap folder, misalnya %1</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder. Choose another folder.</source>
        <translation>%1 adalah berkas, bukan folder. Pilih folder lain.</translation>
    </message>
    <message>
        <source>Evaluator cannot write in this folder (%1). Choose another one.</source>
        <translation>Evaluator tidak dapat menulis di folder ini (%1). Pilih folder lain.</translation>
    </message>
    <message>
        <source>Chosen for this start by --data-dir or EVALUATOR_DATA_DIR; change it in Settings for later starts.</source>
        <translation>Ditetapkan untuk sesi kerja ini oleh --data-dir atau EVALUATOR_DATA_DIR; ubah di Pengaturan untuk penggunaan berikutnya.</translation>
    </message>
    <message>
        <source>Evaluator uses this folder from its next start; the data now in %1 stays there (copy it over first to keep working on it).</source>
        <translation>Evaluator menggunakan folder ini mulai dijalankan berikutnya; data yang kini berada di %1 tetap di sana (salin terlebih dahulu agar dapat terus dikerjakan).</translation>
    </message>
    <message>
        <source>This folder already holds Evaluator data; it will be used.</source>
        <translation>Folder ini sudah berisi data Evaluator; data tersebut akan digunakan.</translation>
    </message>
    <message>
        <source>The sessions, evidence files, backups and identities are kept here. A shared or synchronised folder is not a good place.</source>
        <translation>Sesi, berkas bukti dukung, cadangan, dan identitas disimpan di sini. Folder bersama atau yang disinkronkan bukan tempat yang tepat.</translation>
    </message>
</context>
<context>
    <name>FrameworkImportDialog</name>
    <message>
        <source>Import a framework from a spreadsheet</source>
        <translation>Impor kerangka dari lembar kerja</translation>
    </message>
    <message>
        <source>Fill in the framework template (instructions on its first sheet), then choose the file or drop it here. The whole file is checked first: nothing is installed until it has no problems.</source>
        <translation>Isi templat kerangka (petunjuk ada di lembar pertamanya), lalu pilih berkasnya atau letakkan di sini. Seluruh berkas diperiksa lebih dulu: tidak ada yang dipasang sampai berkas itu bebas masalah.</translation>
    </message>
    <message>
        <source>Choose a spreadsheet…</source>
        <translation>Pilih lembar kerja…</translation>
    </message>
    <message>
        <source>Check again</source>
        <translation>Periksa lagi</translation>
    </message>
    <message>
        <source>Read the file again after fixing it</source>
        <translation>Baca ulang berkas setelah diperbaiki</translation>
    </message>
    <message>
        <source>Save the template…</source>
        <translation>Simpan templat…</translation>
    </message>
    <message>
        <source>The framework spreadsheet: instructions, and an example to replace</source>
        <translation>Lembar kerja kerangka: petunjuk, dan contoh untuk diganti</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Sel</translation>
    </message>
    <message>
        <source>Problem</source>
        <translation>Masalah</translation>
    </message>
    <message>
        <source>Copy the list</source>
        <translation>Salin daftar</translation>
    </message>
    <message>
        <source>Every problem as text, one per line</source>
        <translation>Setiap masalah sebagai teks, satu per baris</translation>
    </message>
    <message>
        <source>&amp;Install</source>
        <translation>&amp;Pasang</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Choose a framework spreadsheet</source>
        <translation>Pilih lembar kerja kerangka</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx *.xlsm);;Framework files (*.yaml *.yml)</source>
        <translation>Lembar kerja (*.xlsx *.xlsm);;Berkas kerangka (*.yaml *.yml)</translation>
    </message>
    <message>
        <source>Save the framework template</source>
        <translation>Simpan templat kerangka</translation>
    </message>
    <message>
        <source>Spreadsheets (*.xlsx)</source>
        <translation>Lembar kerja (*.xlsx)</translation>
    </message>
    <message>
        <source>Not saved: %1</source>
        <translation>Tidak disimpan: %1</translation>
    </message>
    <message>
        <source>Template saved as %1. Fill it in, then choose it here.</source>
        <translation>Templat disimpan sebagai %1. Isi, lalu pilih di sini.</translation>
    </message>
    <message>
        <source>1 problem: nothing was installed. Fix it in the spreadsheet, save it and check again.</source>
        <translation>1 masalah: tidak ada yang dipasang. Perbaiki di lembar kerja, simpan, lalu periksa lagi.</translation>
    </message>
    <message>
        <source>%1 problems: nothing was installed. Fix them in the spreadsheet, save it and check again.</source>
        <translation>%1 masalah: tidak ada yang dipasang. Perbaiki di lembar kerja, simpan, lalu periksa lagi.</translation>
    </message>
    <message>
        <source>No problems: the framework can be installed.</source>
        <translation>Tidak ada masalah: kerangka dapat dipasang.</translation>
    </message>
    <message>
        <source>Not installed: %1</source>
        <translation>Tidak dipasang: %1</translation>
    </message>
    <message>
        <source>Installed: it can now be chosen for a new session.</source>
        <translation>Terpasang: kini dapat dipilih untuk sesi baru.</translation>
    </message>
    <message>
        <source>This framework is already installed; nothing was changed.</source>
        <translation>Kerangka ini sudah terpasang; tidak ada yang diubah.</translation>
    </message>
    <message>
        <source>%1 (version %2)
%3 dimensions, %4 sub-groups, %5 indicators; levels %6.</source>
        <translation>%1 (versi %2)
%3 dimensi, %4 subkelompok, %5 indikator; level %6.</translation>
    </message>
    <message>
        <source>Marked illustrative: an example, not an official instrument.</source>
        <translation>Bertanda ilustratif: sebuah contoh, bukan instrumen resmi.</translation>
    </message>
</context>
<context>
    <name>IdentitiesDialog</name>
    <message>
        <source>Signing identities</source>
        <translation>Identitas penanda tangan</translation>
    </message>
    <message>
        <source>An identity signs the minutes: a certificate with its private key, kept in the data folder and locked by its owner&apos;s passphrase. Create one here for a person, or import the PKCS#12 file (.p12, .pfx) a signer brings.</source>
        <translation>Identitas digunakan untuk menandatangani berita acara: berupa sertifikat beserta kunci privatnya, disimpan di folder data dan dikunci dengan frasa sandi pemiliknya. Buat identitas untuk seseorang di sini, atau impor berkas PKCS#12 (.p12, .pfx) yang dibawa penanda tangan.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Issued by</source>
        <translation>Penerbit</translation>
    </message>
    <message>
        <source>Valid</source>
        <translation>Masa berlaku</translation>
    </message>
    <message>
        <source>Origin</source>
        <translation>Asal</translation>
    </message>
    <message>
        <source>There are no identities on this laptop yet.</source>
        <translation>Belum ada identitas di laptop ini.</translation>
    </message>
    <message>
        <source>Create an identity…</source>
        <translation>Buat identitas…</translation>
    </message>
    <message>
        <source>Import a PKCS#12 file…</source>
        <translation>Impor berkas PKCS#12…</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Ekspor…</translation>
    </message>
    <message>
        <source>Save the selected identity as a PKCS#12 file; it stays locked by its passphrase</source>
        <translation>Simpan identitas yang dipilih sebagai berkas PKCS#12; berkas tetap terkunci dengan frasa sandinya</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>New identity, issued by this laptop</source>
        <translation>Identitas baru, diterbitkan oleh laptop ini</translation>
    </message>
    <message>
        <source>18 digits, for civil servants</source>
        <translation>18 digit, untuk ASN</translation>
    </message>
    <message>
        <source>at least %1 characters</source>
        <translation>sedikitnya %1 karakter</translation>
    </message>
    <message>
        <source>the same again</source>
        <translation>ketik ulang yang sama</translation>
    </message>
    <message>
        <source>Create</source>
        <translation>Buat</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frasa sandi</translation>
    </message>
    <message>
        <source>Passphrase again</source>
        <translation>Ulangi frasa sandi</translation>
    </message>
    <message>
        <source>Only this person should know the passphrase: it is asked for at every signature and cannot be recovered.</source>
        <translation>Hanya orang ini yang boleh mengetahui frasa sandinya: frasa sandi diminta setiap kali menandatangani dan tidak dapat dipulihkan.</translation>
    </message>
    <message>
        <source>Import a PKCS#12 file</source>
        <translation>Impor berkas PKCS#12</translation>
    </message>
    <message>
        <source>the .p12 or .pfx file</source>
        <translation>berkas .p12 atau .pfx</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Pilih…</translation>
    </message>
    <message>
        <source>the passphrase that protects the file</source>
        <translation>frasa sandi yang melindungi berkas</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Impor</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Berkas</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Laptop ini</translation>
    </message>
    <message>
        <source>Created here</source>
        <translation>Dibuat di sini</translation>
    </message>
    <message>
        <source>Brought</source>
        <translation>Diimpor</translation>
    </message>
    <message>
        <source>Outside its validity today: it cannot sign</source>
        <translation>Di luar masa berlaku hari ini: tidak dapat digunakan untuk menandatangani</translation>
    </message>
    <message>
        <source>Type the name of the person the identity is for.</source>
        <translation>Ketik nama orang pemilik identitas ini.</translation>
    </message>
    <message>
        <source>The passphrase is too short: use at least %1 characters.</source>
        <translation>Frasa sandi terlalu pendek: gunakan sedikitnya %1 karakter.</translation>
    </message>
    <message>
        <source>The two passphrases differ; type them again.</source>
        <translation>Kedua frasa sandi berbeda; ketik ulang keduanya.</translation>
    </message>
    <message>
        <source>Not created: %1</source>
        <translation>Tidak dibuat: %1</translation>
    </message>
    <message>
        <source>Created an identity for %1.</source>
        <translation>Identitas untuk %1 telah dibuat.</translation>
    </message>
    <message>
        <source>Choose the PKCS#12 file to import.</source>
        <translation>Pilih berkas PKCS#12 yang akan diimpor.</translation>
    </message>
    <message>
        <source>Not imported: %1</source>
        <translation>Tidak diimpor: %1</translation>
    </message>
    <message>
        <source>Imported the identity of %1.</source>
        <translation>Identitas %1 telah diimpor.</translation>
    </message>
    <message>
        <source>Select the identity to export.</source>
        <translation>Pilih identitas yang akan diekspor.</translation>
    </message>
    <message>
        <source>Export the identity</source>
        <translation>Ekspor identitas</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Tidak diekspor: %1</translation>
    </message>
    <message>
        <source>Saved %1 to %2; it opens with the same passphrase.</source>
        <translation>%1 disimpan ke %2; berkas dibuka dengan frasa sandi yang sama.</translation>
    </message>
</context>
<context>
    <name>IndicatorPage</name>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Tidak berlaku (N/A)</translation>
    </message>
    <message>
        <source>The indicator does not apply here; it drops out of its group&apos;s score</source>
        <translation>Indikator ini tidak berlaku di sini; indikator dikeluarkan dari perhitungan nilai kelompoknya</translation>
    </message>
    <message>
        <source>Why it does not apply (required)</source>
        <translation>Alasan tidak berlaku (wajib)</translation>
    </message>
    <message>
        <source>Why this level: a sentence for the record, e.g. where the evaluators differed</source>
        <translation>Alasan level ini: satu kalimat untuk catatan, misalnya bila penilaian evaluator berbeda</translation>
    </message>
    <message>
        <source>Notes on this indicator: stored as you type</source>
        <translation>Catatan untuk indikator ini: tersimpan otomatis saat diketik</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Choose an indicator in the list to discuss it.</source>
        <translation>Pilih indikator dalam daftar untuk membahasnya.</translation>
    </message>
    <message>
        <source>not applicable</source>
        <translation>tidak berlaku</translation>
    </message>
    <message>
        <source>no agreed level</source>
        <translation>belum ada level disepakati</translation>
    </message>
    <message>
        <source>level %1 (%2)</source>
        <translation>level %1 (%2)</translation>
    </message>
    <message>
        <source>Last time (%1): %2</source>
        <translation>Sebelumnya (%1): %2</translation>
    </message>
    <message>
        <source>Guiding questions</source>
        <translation>Pertanyaan panduan</translation>
    </message>
    <message>
        <source>Expected evidence</source>
        <translation>Bukti dukung yang diharapkan</translation>
    </message>
    <message>
        <source>Guiding questions (%1) and expected evidence (%2)</source>
        <translation>Pertanyaan panduan (%1), bukti yang diharapkan (%2)</translation>
    </message>
    <message>
        <source>Clarifications (%1)</source>
        <translation>Klarifikasi (%1)</translation>
    </message>
    <message>
        <source>%1 open</source>
        <translation>%1 terbuka</translation>
    </message>
    <message>
        <source>Evidence (%1)</source>
        <translation>Bukti dukung (%1)</translation>
    </message>
    <message>
        <source>%1 pending</source>
        <translation>%1 menunggu</translation>
    </message>
    <message>
        <source>Findings (%1)</source>
        <translation>Temuan (%1)</translation>
    </message>
</context>
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
        <translation>Perubahan</translation>
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
    <message>
        <source>Not started</source>
        <translation>Belum dimulai</translation>
    </message>
    <message>
        <source>In discussion</source>
        <translation>Sedang dibahas</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Selesai</translation>
    </message>
    <message>
        <source>Deferred</source>
        <translation>Ditunda</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Tidak berlaku</translation>
    </message>
    <message>
        <source>Provided</source>
        <translation>Diserahkan</translation>
    </message>
    <message>
        <source>Accepted</source>
        <translation>Diterima</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Ditolak</translation>
    </message>
    <message>
        <source>Pending</source>
        <translation>Menunggu</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Terbuka</translation>
    </message>
    <message>
        <source>Answered</source>
        <translation>Terjawab</translation>
    </message>
</context>
<context>
    <name>LevelCard</name>
    <message>
        <source>Self-assessment</source>
        <translation>Penilaian mandiri</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Disepakati</translation>
    </message>
</context>
<context>
    <name>LevelPicker</name>
    <message>
        <source>The level the city claimed before the meeting</source>
        <translation>Level yang diajukan daerah sebelum rapat</translation>
    </message>
    <message>
        <source>Self-assessment:</source>
        <translation>Penilaian mandiri:</translation>
    </message>
    <message>
        <source>Clear agreed level</source>
        <translation>Kosongkan level yang disepakati</translation>
    </message>
    <message>
        <source>Remove the agreed level of this indicator</source>
        <translation>Hapus level yang disepakati untuk indikator ini</translation>
    </message>
</context>
<context>
    <name>Merge</name>
    <message>
        <source>Session</source>
        <translation>Sesi</translation>
    </message>
    <message>
        <source>Participant</source>
        <translation>Peserta</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Rating</source>
        <translation>Penilaian evaluator</translation>
    </message>
    <message>
        <source>Clarification</source>
        <translation>Klarifikasi</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Bukti dukung</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Temuan</translation>
    </message>
    <message>
        <source>Sign-off</source>
        <translation>Pengesahan</translation>
    </message>
    <message>
        <source>Assignment</source>
        <translation>Penugasan</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Agreed level</source>
        <translation>Level disepakati</translation>
    </message>
    <message>
        <source>Self-assessed level</source>
        <translation>Level penilaian mandiri</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Tidak berlaku</translation>
    </message>
    <message>
        <source>Reason it does not apply</source>
        <translation>Alasan tidak berlaku</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pertanyaan</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Jawaban</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Judul</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Keterangan</translation>
    </message>
    <message>
        <source>Due date</source>
        <translation>Tenggat</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Rekomendasi</translation>
    </message>
    <message>
        <source>Agencies</source>
        <translation>Perangkat daerah</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <source>Organisation</source>
        <translation>Instansi</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Hadir</translation>
    </message>
    <message>
        <source>Venue</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>Nomor dokumen</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Changed on both laptops.</source>
        <translation>Diubah di kedua laptop.</translation>
    </message>
    <message>
        <source>Settled differently on the two laptops in an earlier merge.</source>
        <translation>Diselesaikan berbeda di kedua laptop pada penggabungan sebelumnya.</translation>
    </message>
    <message>
        <source>Deleted on this laptop, changed on the other one since.</source>
        <translation>Dihapus di laptop ini, sejak itu diubah di laptop lain.</translation>
    </message>
    <message>
        <source>Deleted on the other laptop, changed on this one since.</source>
        <translation>Dihapus di laptop lain, sejak itu diubah di laptop ini.</translation>
    </message>
    <message>
        <source>the whole record</source>
        <translation>seluruh catatan</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ya</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Tidak</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Laptop ini</translation>
    </message>
    <message>
        <source>The bundle (%1)</source>
        <translation>Bundel (%1)</translation>
    </message>
    <message>
        <source>(deleted)</source>
        <translation>(dihapus)</translation>
    </message>
    <message>
        <source>Write it anew:</source>
        <translation>Tulis ulang:</translation>
    </message>
    <message>
        <source>Keep it deleted</source>
        <translation>Biarkan terhapus</translation>
    </message>
    <message>
        <source>Restore it</source>
        <translation>Pulihkan</translation>
    </message>
    <message>
        <source>Keep it</source>
        <translation>Pertahankan</translation>
    </message>
    <message>
        <source>Delete it</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Keep this laptop&apos;s</source>
        <translation>Pakai milik laptop ini</translation>
    </message>
    <message>
        <source>Take the bundle&apos;s</source>
        <translation>Pakai milik bundel</translation>
    </message>
</context>
<context>
    <name>MergeDialog</name>
    <message>
        <source>Merge a bundle</source>
        <translation>Gabungkan bundel</translation>
    </message>
    <message>
        <source>The bundle from %1 holds work on %2 %3 that this laptop does not have yet.</source>
        <translation>Bundel dari %1 memuat pekerjaan untuk %2 %3 yang belum ada di laptop ini.</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message numerus="yes">
        <source>Settle %n conflict(s)…</source>
        <translation>
            <numerusform>Selesaikan %n konflik…</numerusform>
        </translation>
    </message>
    <message>
        <source>Merge</source>
        <translation>Gabungkan</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Apa</translation>
    </message>
    <message>
        <source>This laptop</source>
        <translation>Laptop ini</translation>
    </message>
    <message>
        <source>The bundle</source>
        <translation>Bundel</translation>
    </message>
    <message>
        <source>Added from the bundle</source>
        <translation>Ditambahkan dari bundel</translation>
    </message>
    <message>
        <source>Taken from the bundle</source>
        <translation>Diambil dari bundel</translation>
    </message>
    <message>
        <source>Deleted, as on the other laptop</source>
        <translation>Dihapus, seperti di laptop lain</translation>
    </message>
    <message>
        <source>Kept: changed on this laptop since</source>
        <translation>Dipertahankan: sejak itu diubah di laptop ini</translation>
    </message>
    <message>
        <source>Conflicts: you choose</source>
        <translation>Konflik: Anda yang memilih</translation>
    </message>
    <message>
        <source>Keep all of this laptop&apos;s</source>
        <translation>Pakai semua milik laptop ini</translation>
    </message>
    <message>
        <source>Take all of the bundle&apos;s</source>
        <translation>Pakai semua milik bundel</translation>
    </message>
    <message numerus="yes">
        <source>%n conflict(s) still need a choice.</source>
        <translation>
            <numerusform>%n konflik masih perlu dipilih.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>MinutesActions</name>
    <message>
        <source>Minutes (draft)</source>
        <translation>Berita acara (draf)</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Berita acara</translation>
    </message>
    <message>
        <source>Export draft minutes</source>
        <translation>Ekspor berita acara draf</translation>
    </message>
    <message>
        <source>Export signed minutes</source>
        <translation>Ekspor berita acara bertanda tangan</translation>
    </message>
</context>
<context>
    <name>NavigatorModel</name>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Level</source>
        <translation>Level</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Kemajuan</translation>
    </message>
    <message>
        <source>%1 of %2 indicators settled</source>
        <translation>%1 dari %2 indikator tuntas</translation>
    </message>
    <message>
        <source>Score: %1</source>
        <translation>Nilai: %1</translation>
    </message>
    <message>
        <source>Assigned to %1</source>
        <translation>Ditugaskan kepada %1</translation>
    </message>
    <message>
        <source>N/A</source>
        <translation>N/A</translation>
    </message>
    <message>
        <source>level %1</source>
        <translation>level %1</translation>
    </message>
    <message>
        <source>1 open clarification</source>
        <translation>1 klarifikasi terbuka</translation>
    </message>
    <message>
        <source>%1 open clarifications</source>
        <translation>%1 klarifikasi terbuka</translation>
    </message>
    <message>
        <source>%1 pending evidence</source>
        <translation>%1 bukti dukung menunggu</translation>
    </message>
    <message>
        <source>Evaluators&apos; ratings differ by %1 levels</source>
        <translation>Penilaian para evaluator berselisih %1 level</translation>
    </message>
</context>
<context>
    <name>NavigatorPanel</name>
    <message>
        <source>Search codes, titles, notes…</source>
        <translation>Cari kode, judul, catatan…</translation>
    </message>
    <message>
        <source>Up and Down step through the indicators shown; Enter shows the first.</source>
        <translation>Panah atas dan bawah menelusuri indikator yang ditampilkan; Enter membuka yang pertama.</translation>
    </message>
    <message>
        <source>All indicators</source>
        <translation>Semua indikator</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Belum selesai</translation>
    </message>
    <message>
        <source>Open clarifications</source>
        <translation>Klarifikasi terbuka</translation>
    </message>
    <message>
        <source>Pending evidence</source>
        <translation>Bukti dukung menunggu</translation>
    </message>
    <message>
        <source>Which indicators to show</source>
        <translation>Indikator yang ditampilkan</translation>
    </message>
    <message>
        <source>Assign to</source>
        <translation>Tugaskan kepada</translation>
    </message>
    <message>
        <source>No evaluator in the attendance</source>
        <translation>Tidak ada evaluator dalam daftar hadir</translation>
    </message>
    <message>
        <source>Nobody</source>
        <translation>Tidak ada</translation>
    </message>
    <message>
        <source>No indicator matches.</source>
        <translation>Tidak ada indikator yang cocok.</translation>
    </message>
    <message>
        <source>Showing %1 of %2 indicators</source>
        <translation>Menampilkan %1 dari %2 indikator</translation>
    </message>
    <message>
        <source>Settled %1 · index %2 %3</source>
        <translation>Tuntas %1 · indeks %2 %3</translation>
    </message>
</context>
<context>
    <name>NewSessionDialog</name>
    <message>
        <source>New evaluation session</source>
        <translation>Sesi evaluasi baru</translation>
    </message>
    <message>
        <source>%1 framework file(s) could not be read and are not offered.</source>
        <translation>%1 berkas instrumen tidak dapat dibaca sehingga tidak ditampilkan.</translation>
    </message>
    <message>
        <source>e.g. Kota Bandung, Kabupaten Sleman</source>
        <translation>mis. Kota Bandung, Kabupaten Sleman</translation>
    </message>
    <message>
        <source>e.g. Ruang Rapat Utama Balai Kota</source>
        <translation>mis. Ruang Rapat Utama Balai Kota</translation>
    </message>
    <message>
        <source>&amp;Framework:</source>
        <translation>&amp;Instrumen:</translation>
    </message>
    <message>
        <source>&amp;Region:</source>
        <translation>&amp;Wilayah:</translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation>Ta&amp;hap:</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>Tah&amp;un:</translation>
    </message>
    <message>
        <source>&amp;Date and time:</source>
        <translation>&amp;Tanggal dan waktu:</translation>
    </message>
    <message>
        <source>&amp;Time zone:</source>
        <translation>&amp;Zona waktu:</translation>
    </message>
    <message>
        <source>&amp;Venue:</source>
        <translation>Tem&amp;pat:</translation>
    </message>
    <message>
        <source>&amp;Evidence due:</source>
        <translation>Tenggat bukti &amp;dukung:</translation>
    </message>
    <message>
        <source>&amp;Create session</source>
        <translation>&amp;Buat sesi</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>No framework is installed: put a framework file in %1 and open this again.</source>
        <translation>Belum ada instrumen yang terpasang: letakkan berkas instrumen di %1, lalu buka kembali jendela ini.</translation>
    </message>
    <message>
        <source>Illustrative: written for training and testing, not the official instrument.</source>
        <translation>Ilustratif: disusun untuk pelatihan dan uji coba, bukan instrumen resmi.</translation>
    </message>
    <message>
        <source>Copy the attendance of the latest session of %1 (%2, stage %3)</source>
        <translation>Salin daftar hadir sesi terakhir %1 (%2, tahap %3)</translation>
    </message>
    <message>
        <source>Type the region (city or regency) first.</source>
        <translation>Ketik wilayah (kota atau kabupaten) terlebih dahulu.</translation>
    </message>
    <message>
        <source>The session was not created: %1</source>
        <translation>Sesi tidak dibuat: %1</translation>
    </message>
</context>
<context>
    <name>Operations</name>
    <message>
        <source>Edit the session details</source>
        <translation>Ubah rincian sesi</translation>
    </message>
    <message>
        <source>Change the session status</source>
        <translation>Ubah status sesi</translation>
    </message>
    <message>
        <source>Add a participant</source>
        <translation>Tambah peserta</translation>
    </message>
    <message>
        <source>Edit a participant</source>
        <translation>Ubah data peserta</translation>
    </message>
    <message>
        <source>Remove a participant</source>
        <translation>Hapus peserta</translation>
    </message>
    <message>
        <source>Copy the attendance</source>
        <translation>Salin daftar hadir</translation>
    </message>
    <message>
        <source>Assign a dimension</source>
        <translation>Tugaskan dimensi</translation>
    </message>
    <message>
        <source>Record an assessment</source>
        <translation>Catat hasil penilaian</translation>
    </message>
    <message>
        <source>Set the agreed level</source>
        <translation>Tetapkan level yang disepakati</translation>
    </message>
    <message>
        <source>Set the self-assessed level</source>
        <translation>Tetapkan level penilaian mandiri</translation>
    </message>
    <message>
        <source>Mark not applicable</source>
        <translation>Tandai tidak berlaku</translation>
    </message>
    <message>
        <source>Mark applicable again</source>
        <translation>Tandai berlaku kembali</translation>
    </message>
    <message>
        <source>Change the indicator status</source>
        <translation>Ubah status indikator</translation>
    </message>
    <message>
        <source>Edit the notes</source>
        <translation>Ubah catatan</translation>
    </message>
    <message>
        <source>Explain the agreed level</source>
        <translation>Jelaskan level disepakati</translation>
    </message>
    <message>
        <source>Record an evaluator&apos;s rating</source>
        <translation>Catat penilaian evaluator</translation>
    </message>
    <message>
        <source>Ask a question</source>
        <translation>Ajukan pertanyaan</translation>
    </message>
    <message>
        <source>Answer a question</source>
        <translation>Jawab pertanyaan</translation>
    </message>
    <message>
        <source>Reopen a question</source>
        <translation>Buka kembali pertanyaan</translation>
    </message>
    <message>
        <source>Edit a question</source>
        <translation>Ubah pertanyaan</translation>
    </message>
    <message>
        <source>Remove a question</source>
        <translation>Hapus pertanyaan</translation>
    </message>
    <message>
        <source>Attach a file</source>
        <translation>Lampirkan berkas</translation>
    </message>
    <message>
        <source>Add a link</source>
        <translation>Tambah tautan</translation>
    </message>
    <message>
        <source>Record a document seen</source>
        <translation>Catat dokumen yang dilihat</translation>
    </message>
    <message>
        <source>Record promised evidence</source>
        <translation>Catat bukti dukung yang dijanjikan</translation>
    </message>
    <message>
        <source>Mark evidence pending</source>
        <translation>Tandai bukti dukung menunggu</translation>
    </message>
    <message>
        <source>Accept evidence</source>
        <translation>Terima bukti dukung</translation>
    </message>
    <message>
        <source>Reject evidence</source>
        <translation>Tolak bukti dukung</translation>
    </message>
    <message>
        <source>Remove evidence</source>
        <translation>Hapus bukti dukung</translation>
    </message>
    <message>
        <source>Add a finding</source>
        <translation>Tambah temuan</translation>
    </message>
    <message>
        <source>Import a bundle</source>
        <translation>Impor paket</translation>
    </message>
    <message>
        <source>Merge a bundle</source>
        <translation>Gabungkan bundel</translation>
    </message>
    <message>
        <source>Create demo data</source>
        <translation>Buat data demo</translation>
    </message>
    <message>
        <source>Edit a finding</source>
        <translation>Ubah temuan</translation>
    </message>
    <message>
        <source>Remove a finding</source>
        <translation>Hapus temuan</translation>
    </message>
</context>
<context>
    <name>PersonFields</name>
    <message>
        <source>Interface language</source>
        <translation>Bahasa antarmuka</translation>
    </message>
    <message>
        <source>The interface changes when Evaluator starts again.</source>
        <translation>Antarmuka berubah setelah Evaluator dijalankan ulang.</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>as it is printed under a signature</source>
        <translation>sebagaimana tercetak di bawah tanda tangan</translation>
    </message>
    <message>
        <source>NIP</source>
        <translation>NIP</translation>
    </message>
    <message>
        <source>18 digits, optional</source>
        <translation>18 digit, tidak wajib</translation>
    </message>
    <message>
        <source>Civil-servant number: 18 digits, spaces allowed</source>
        <translation>Nomor Induk Pegawai: 18 digit, boleh dengan spasi</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Peran</translation>
    </message>
    <message>
        <source>A NIP has 18 digits (spaces allowed), e.g. 19650312 199003 1 008; leave it empty if you have none.</source>
        <translation>NIP terdiri atas 18 digit (boleh dengan spasi), misalnya 19650312 199003 1 008; kosongkan bila Anda tidak memilikinya.</translation>
    </message>
</context>
<context>
    <name>PresenterWindow</name>
    <message>
        <source>Evaluator — presenter view</source>
        <translation>Evaluator — tampilan presentasi</translation>
    </message>
    <message>
        <source>The walkthrough has not started yet</source>
        <translation>Pembahasan indikator belum dimulai</translation>
    </message>
    <message>
        <source>Not applicable</source>
        <translation>Tidak berlaku</translation>
    </message>
    <message>
        <source>Agreed: level %1</source>
        <translation>Disepakati: level %1</translation>
    </message>
    <message>
        <source>Not agreed yet</source>
        <translation>Belum disepakati</translation>
    </message>
    <message>
        <source>(self-assessment)</source>
        <translation>(penilaian mandiri)</translation>
    </message>
</context>
<context>
    <name>QFileDialog</name>
    <message>
        <source>Look in:</source>
        <translation>Lihat di:</translation>
    </message>
    <message>
        <source>File &amp;name:</source>
        <translation>&amp;Nama berkas:</translation>
    </message>
    <message>
        <source>Files of type:</source>
        <translation>Jenis berkas:</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>&amp;Buka</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>&amp;Choose</source>
        <translation>&amp;Pilih</translation>
    </message>
    <message>
        <source>Directory:</source>
        <translation>Folder:</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>Kembali</translation>
    </message>
    <message>
        <source>Forward</source>
        <translation>Maju</translation>
    </message>
    <message>
        <source>Parent Directory</source>
        <translation>Folder Induk</translation>
    </message>
    <message>
        <source>Create New Folder</source>
        <translation>Buat Folder Baru</translation>
    </message>
    <message>
        <source>List View</source>
        <translation>Tampilan Daftar</translation>
    </message>
    <message>
        <source>Detail View</source>
        <translation>Tampilan Rinci</translation>
    </message>
    <message>
        <source>New Folder</source>
        <translation>Folder Baru</translation>
    </message>
    <message>
        <source>&amp;New Folder</source>
        <translation>&amp;Folder Baru</translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Ganti Nama</translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation>&amp;Hapus</translation>
    </message>
    <message>
        <source>Show &amp;hidden files</source>
        <translation>Tampilkan berkas &amp;tersembunyi</translation>
    </message>
    <message>
        <source>Recent Places</source>
        <translation>Tempat Terkini</translation>
    </message>
    <message>
        <source>All Files (*)</source>
        <translation>Semua Berkas (*)</translation>
    </message>
    <message>
        <source>My Computer</source>
        <translation>Komputer Saya</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>Save As</source>
        <translation>Simpan Sebagai</translation>
    </message>
    <message>
        <source>Find Directory</source>
        <translation>Cari Folder</translation>
    </message>
    <message>
        <source>%1 already exists.
Do you want to replace it?</source>
        <translation>%1 sudah ada.
Ganti berkas itu?</translation>
    </message>
    <message>
        <source>%1
File not found.
Please verify the correct file name was given.</source>
        <translation>%1
Berkas tidak ditemukan.
Periksa apakah nama berkas sudah benar.</translation>
    </message>
</context>
<context>
    <name>QFileSystemModel</name>
    <message>
        <source>Name</source>
        <translation>Nama</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukuran</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Jenis</translation>
    </message>
    <message>
        <source>Date Modified</source>
        <translation>Tanggal Diubah</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Komputer</translation>
    </message>
</context>
<context>
    <name>QGnomeTheme</name>
    <message>
        <source>&amp;OK</source>
        <translation>&amp;OK</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Simpan</translation>
    </message>
    <message>
        <source>&amp;Cancel</source>
        <translation>&amp;Batal</translation>
    </message>
    <message>
        <source>&amp;Close</source>
        <translation>&amp;Tutup</translation>
    </message>
    <message>
        <source>Close without Saving</source>
        <translation>Tutup tanpa Menyimpan</translation>
    </message>
</context>
<context>
    <name>QLineEdit</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>U&amp;langi</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>T&amp;empel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih Semua</translation>
    </message>
</context>
<context>
    <name>QMessageBox</name>
    <message>
        <source>Show Details...</source>
        <translation>Tampilkan Rincian...</translation>
    </message>
    <message>
        <source>Hide Details...</source>
        <translation>Sembunyikan Rincian...</translation>
    </message>
</context>
<context>
    <name>QPlatformTheme</name>
    <message>
        <source>OK</source>
        <translation>OK</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Save All</source>
        <translation>Simpan Semua</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Buka</translation>
    </message>
    <message>
        <source>&amp;Yes</source>
        <translation>&amp;Ya</translation>
    </message>
    <message>
        <source>Yes to &amp;All</source>
        <translation>Ya untuk &amp;Semua</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;Tidak</translation>
    </message>
    <message>
        <source>N&amp;o to All</source>
        <translation>T&amp;idak untuk Semua</translation>
    </message>
    <message>
        <source>Abort</source>
        <translation>Batalkan</translation>
    </message>
    <message>
        <source>Retry</source>
        <translation>Coba Lagi</translation>
    </message>
    <message>
        <source>Ignore</source>
        <translation>Abaikan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>Buang</translation>
    </message>
    <message>
        <source>Help</source>
        <translation>Bantuan</translation>
    </message>
    <message>
        <source>Apply</source>
        <translation>Terapkan</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>Atur Ulang</translation>
    </message>
    <message>
        <source>Restore Defaults</source>
        <translation>Kembalikan Bawaan</translation>
    </message>
</context>
<context>
    <name>QWidgetTextControl</name>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Urungkan</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>U&amp;langi</translation>
    </message>
    <message>
        <source>Cu&amp;t</source>
        <translation>Po&amp;tong</translation>
    </message>
    <message>
        <source>&amp;Copy</source>
        <translation>&amp;Salin</translation>
    </message>
    <message>
        <source>Copy &amp;Link Location</source>
        <translation>Salin &amp;Lokasi Tautan</translation>
    </message>
    <message>
        <source>&amp;Paste</source>
        <translation>T&amp;empel</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Hapus</translation>
    </message>
    <message>
        <source>Select All</source>
        <translation>Pilih Semua</translation>
    </message>
</context>
<context>
    <name>RatingsPanel</name>
    <message>
        <source>Evaluators&apos; own levels:</source>
        <translation>Level menurut evaluator:</translation>
    </message>
    <message>
        <source>Level given by %1</source>
        <translation>Level dari %1</translation>
    </message>
    <message>
        <source>spread %1</source>
        <translation>selisih %1</translation>
    </message>
    <message>
        <source>The evaluators are %1 levels apart: hear them out before agreeing.</source>
        <translation>Penilaian evaluator berselisih %1 level: dengarkan mereka sebelum menyepakati.</translation>
    </message>
</context>
<context>
    <name>ReopenDialog</name>
    <message>
        <source>Reopen for amendment</source>
        <translation>Buka kembali untuk perubahan</translation>
    </message>
    <message>
        <source>Reopening makes the session editable again. The signatures given so far are superseded; the amended minutes must be signed again and say that they amend the earlier ones. Why is it reopened?</source>
        <translation>Membuka kembali membuat sesi dapat diubah lagi. Tanda tangan yang sudah diberikan tidak berlaku lagi; berita acara hasil perubahan harus ditandatangani ulang dan menyatakan bahwa berita acara tersebut mengubah berita acara sebelumnya. Apa alasan sesi dibuka kembali?</translation>
    </message>
    <message>
        <source>e.g. the finding for Bappeda named the wrong deadline</source>
        <translation>mis. temuan untuk Bappeda mencantumkan tenggat yang salah</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>Buka kembali</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>Say why the session is reopened.</source>
        <translation>Sebutkan alasan sesi dibuka kembali.</translation>
    </message>
    <message>
        <source>Not reopened: %1</source>
        <translation>Tidak dibuka kembali: %1</translation>
    </message>
</context>
<context>
    <name>ReviewDocument</name>
    <message>
        <source>Minutes of the evaluation</source>
        <translation>Berita Acara Evaluasi</translation>
    </message>
    <message>
        <source>Stage %1 evaluation, %2, %3</source>
        <translation>Evaluasi tahap %1, %2, %3</translation>
    </message>
    <message>
        <source>given when the minutes are frozen</source>
        <translation>diberikan saat berita acara dibekukan</translation>
    </message>
    <message>
        <source>Document number: %1</source>
        <translation>Nomor dokumen: %1</translation>
    </message>
    <message>
        <source>Frozen at the first signature: every signer signs exactly this.</source>
        <translation>Dibekukan pada tanda tangan pertama: setiap penanda tangan menandatangani isi yang persis seperti ini.</translation>
    </message>
    <message>
        <source>These minutes amend earlier signed minutes that were reopened.</source>
        <translation>Berita acara ini merupakan perubahan atas berita acara bertanda tangan sebelumnya yang dibuka kembali.</translation>
    </message>
    <message>
        <source>%1 of %2 indicators are not settled; the minutes show them without an agreed level.</source>
        <translation>%1 dari %2 indikator belum tuntas; berita acara mencantumkannya tanpa level yang disepakati.</translation>
    </message>
    <message>
        <source>Results</source>
        <translation>Hasil</translation>
    </message>
    <message>
        <source>Index</source>
        <translation>Indeks</translation>
    </message>
    <message>
        <source>Dimension</source>
        <translation>Dimensi</translation>
    </message>
    <message>
        <source>Self-assessed</source>
        <translation>Penilaian mandiri</translation>
    </message>
    <message>
        <source>Agreed</source>
        <translation>Disepakati</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>Tuntas</translation>
    </message>
    <message>
        <source>Findings by agency</source>
        <translation>Temuan per perangkat daerah</translation>
    </message>
    <message>
        <source>No findings.</source>
        <translation>Tidak ada temuan.</translation>
    </message>
    <message>
        <source>Not addressed to an agency</source>
        <translation>Tidak ditujukan kepada perangkat daerah tertentu</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Temuan</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Rekomendasi</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Prioritas</translation>
    </message>
    <message>
        <source>Due</source>
        <translation>Tenggat</translation>
    </message>
    <message>
        <source>Outstanding evidence</source>
        <translation>Bukti dukung yang masih ditunggu</translation>
    </message>
    <message>
        <source>No evidence is outstanding.</source>
        <translation>Tidak ada bukti dukung yang masih ditunggu.</translation>
    </message>
    <message>
        <source>Evidence</source>
        <translation>Bukti dukung</translation>
    </message>
</context>
<context>
    <name>SearchPanel</name>
    <message>
        <source>Notes</source>
        <translation>Catatan</translation>
    </message>
    <message>
        <source>Rationale</source>
        <translation>Alasan</translation>
    </message>
    <message>
        <source>Question</source>
        <translation>Pertanyaan</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>Jawaban</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>Temuan</translation>
    </message>
    <message>
        <source>Recommendation</source>
        <translation>Rekomendasi</translation>
    </message>
    <message>
        <source>Search everything written…</source>
        <translation>Cari di semua yang tertulis…</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Sesi</translation>
    </message>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Where</source>
        <translation>Tempat</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Teks</translation>
    </message>
    <message>
        <source>Nothing written matches “%1”.</source>
        <translation>Tidak ada tulisan yang cocok dengan “%1”.</translation>
    </message>
    <message numerus="yes">
        <source>%n place(s), best matches first.</source>
        <translation>
            <numerusform>%n tempat, yang paling cocok lebih dulu.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The first %n places, best matches first.</source>
        <translation>
            <numerusform>%n tempat pertama, yang paling cocok lebih dulu.</numerusform>
        </translation>
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
        <translation>Tuntas</translation>
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
<context>
    <name>SessionWindow</name>
    <message>
        <source>Indicator</source>
        <translation>Indikator</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Daftar hadir</translation>
    </message>
    <message>
        <source>All findings</source>
        <translation>Semua temuan</translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dasbor</translation>
    </message>
    <message>
        <source>&amp;Session</source>
        <translation>&amp;Sesi</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Go</source>
        <translation>Na&amp;vigasi</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>Tampi&amp;lan</translation>
    </message>
    <message>
        <source>Interface language</source>
        <translation>Bahasa antarmuka</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>Ban&amp;tuan</translation>
    </message>
    <message>
        <source>About Evaluator</source>
        <translation>Tentang Evaluator</translation>
    </message>
    <message>
        <source>Undone</source>
        <translation>Diurungkan</translation>
    </message>
    <message>
        <source>Redone</source>
        <translation>Diulangi</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Tombol</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Tindakan</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Draft minutes saved to %1</source>
        <translation>Berita acara draf disimpan ke %1</translation>
    </message>
    <message>
        <source>Signed minutes saved to %1</source>
        <translation>Berita acara bertanda tangan disimpan ke %1</translation>
    </message>
    <message>
        <source>The interface language changes when Evaluator starts again.</source>
        <translation>Bahasa antarmuka berubah setelah Evaluator dijalankan ulang.</translation>
    </message>
    <message>
        <source>(signed: read-only)</source>
        <translation>(ditandatangani: hanya baca)</translation>
    </message>
    <message>
        <source>Settled %1 · index %2 %3</source>
        <translation>Tuntas %1 · indeks %2 %3</translation>
    </message>
    <message>
        <source>%1 — read-only</source>
        <translation>%1 — hanya baca</translation>
    </message>
    <message>
        <source>Saved at %1</source>
        <translation>Tersimpan pukul %1</translation>
    </message>
    <message>
        <source>Not done</source>
        <translation>Tidak dilakukan</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Pengaturan…</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Pengaturan</translation>
    </message>
    <message>
        <source>A copy of the database is made every day and at each sign-off; only the newest are kept. Copies made with “Back up data now” or before an upgrade are never deleted.</source>
        <translation>Salinan basis data dibuat setiap hari dan pada setiap penandatanganan; hanya yang terbaru yang disimpan. Salinan dari “Cadangkan data sekarang” atau yang dibuat sebelum pembaruan tidak pernah dihapus.</translation>
    </message>
    <message>
        <source>Not chosen</source>
        <translation>Belum dipilih</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Simpan</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Batal</translation>
    </message>
    <message>
        <source>You</source>
        <translation>Anda</translation>
    </message>
    <message>
        <source>Data folder</source>
        <translation>Folder data</translation>
    </message>
    <message>
        <source>Automatic backups kept</source>
        <translation>Jumlah cadangan otomatis yang disimpan</translation>
    </message>
    <message>
        <source>Signing</source>
        <translation>Penandatanganan</translation>
    </message>
    <message>
        <source>Your identity</source>
        <translation>Identitas Anda</translation>
    </message>
    <message>
        <source>The identity chosen before is not in this data folder; choose another one.</source>
        <translation>Identitas yang dipilih sebelumnya tidak ada di folder data ini; pilih identitas lain.</translation>
    </message>
    <message>
        <source>There are no identities in this data folder yet (Tools → Signing identities).</source>
        <translation>Belum ada identitas di folder data ini (Alat → Identitas penanda tangan).</translation>
    </message>
    <message>
        <source>Which of the identities in this data folder is yours.</source>
        <translation>Pilih identitas milik Anda dari folder data ini.</translation>
    </message>
    <message>
        <source>The settings could not be saved in %1: %2</source>
        <translation>Pengaturan tidak dapat disimpan di %1: %2</translation>
    </message>
</context>
<context>
    <name>SignOffDialog</name>
    <message>
        <source>Minutes (draft)</source>
        <translation>Berita acara (draf)</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Berita acara</translation>
    </message>
    <message>
        <source>Export signed minutes</source>
        <translation>Ekspor berita acara bertanda tangan</translation>
    </message>
    <message>
        <source>Sign off the minutes</source>
        <translation>Penandatanganan berita acara</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Who signs</source>
        <translation>Penanda tangan</translation>
    </message>
    <message>
        <source>Preview the draft PDF</source>
        <translation>Pratinjau PDF draf</translation>
    </message>
    <message>
        <source>Choose the identity to sign with</source>
        <translation>Pilih identitas untuk menandatangani</translation>
    </message>
    <message>
        <source>the identity&apos;s passphrase</source>
        <translation>frasa sandi identitas</translation>
    </message>
    <message>
        <source>Sign</source>
        <translation>Tanda tangani</translation>
    </message>
    <message>
        <source>Identity</source>
        <translation>Identitas</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>Frasa sandi</translation>
    </message>
    <message>
        <source>Back to the review</source>
        <translation>Kembali ke tinjauan</translation>
    </message>
    <message>
        <source>Another signer first</source>
        <translation>Dahulukan penanda tangan lain</translation>
    </message>
    <message>
        <source>This person signs later; go to the next one</source>
        <translation>Orang ini menandatangani nanti; lanjut ke penanda tangan berikutnya</translation>
    </message>
    <message>
        <source>Export signed minutes…</source>
        <translation>Ekspor berita acara bertanda tangan…</translation>
    </message>
    <message>
        <source>Open the signed minutes</source>
        <translation>Buka berita acara bertanda tangan</translation>
    </message>
    <message>
        <source>signed</source>
        <translation>sudah menandatangani</translation>
    </message>
    <message>
        <source>still to sign</source>
        <translation>belum menandatangani</translation>
    </message>
    <message>
        <source>The minutes are frozen: these people sign them, in this order.</source>
        <translation>Berita acara sudah dibekukan: orang-orang berikut menandatanganinya sesuai urutan ini.</translation>
    </message>
    <message>
        <source>Tick everyone present who signs. The first signature freezes the session and this list.</source>
        <translation>Centang semua peserta hadir yang menandatangani. Tanda tangan pertama membekukan sesi dan daftar ini.</translation>
    </message>
    <message>
        <source>Start signing</source>
        <translation>Mulai penandatanganan</translation>
    </message>
    <message>
        <source>Continue signing</source>
        <translation>Lanjutkan penandatanganan</translation>
    </message>
    <message>
        <source>All have signed: export</source>
        <translation>Semua sudah menandatangani: ekspor</translation>
    </message>
    <message>
        <source>Open the minutes being signed</source>
        <translation>Buka berita acara yang sedang ditandatangani</translation>
    </message>
    <message>
        <source>The minutes could not be made: %1</source>
        <translation>Berita acara tidak dapat dibuat: %1</translation>
    </message>
    <message>
        <source>Tick at least one person who signs.</source>
        <translation>Centang sedikitnya satu orang yang menandatangani.</translation>
    </message>
    <message>
        <source>Signature %1 of %2</source>
        <translation>Tanda tangan %1 dari %2</translation>
    </message>
    <message>
        <source>NIP %1</source>
        <translation>NIP %1</translation>
    </message>
    <message>
        <source>no NIP</source>
        <translation>tanpa NIP</translation>
    </message>
    <message>
        <source>issued here</source>
        <translation>diterbitkan di sini</translation>
    </message>
    <message>
        <source>Import a PKCS#12 file…</source>
        <translation>Impor berkas PKCS#12…</translation>
    </message>
    <message>
        <source>Create an identity for this person…</source>
        <translation>Buat identitas untuk orang ini…</translation>
    </message>
    <message>
        <source>This identity is in the name of %1: the signature will carry that name.</source>
        <translation>Identitas ini atas nama %1: tanda tangan akan memuat nama tersebut.</translation>
    </message>
    <message>
        <source>Choose the identity this person signs with.</source>
        <translation>Pilih identitas yang digunakan orang ini untuk menandatangani.</translation>
    </message>
    <message>
        <source>Type the identity&apos;s passphrase.</source>
        <translation>Ketik frasa sandi identitas.</translation>
    </message>
    <message>
        <source>Not signed: %1</source>
        <translation>Tidak ditandatangani: %1</translation>
    </message>
    <message>
        <source>All signers have signed</source>
        <translation>Semua penanda tangan sudah menandatangani</translation>
    </message>
    <message>
        <source>The minutes are frozen and signed. To change anything now, reopen the session for an amendment (Session menu); the signatures are then superseded and the minutes signed again.</source>
        <translation>Berita acara sudah dibekukan dan ditandatangani. Untuk mengubah apa pun sekarang, buka kembali sesi untuk perubahan (menu Sesi); tanda tangan yang ada kemudian tidak berlaku lagi dan berita acara ditandatangani ulang.</translation>
    </message>
    <message>
        <source>Signed by</source>
        <translation>Ditandatangani oleh</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Jabatan</translation>
    </message>
    <message>
        <source>Snapshot SHA-256: %1</source>
        <translation>SHA-256 cuplikan (snapshot): %1</translation>
    </message>
    <message>
        <source>Not exported: %1</source>
        <translation>Tidak diekspor: %1</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>Disimpan ke %1</translation>
    </message>
</context>
<context>
    <name>SignaturePad</name>
    <message>
        <source>Sign here with the mouse, a pen or a finger</source>
        <translation>Bubuhkan tanda tangan di sini dengan mouse, pena, atau jari</translation>
    </message>
    <message>
        <source>Clear</source>
        <translation>Bersihkan</translation>
    </message>
    <message>
        <source>Remove the drawing and start again</source>
        <translation>Hapus coretan dan ulangi dari awal</translation>
    </message>
</context>
<context>
    <name>StartWindow</name>
    <message>
        <source>Data folder: %1</source>
        <translation>Folder data: %1</translation>
    </message>
    <message>
        <source>&amp;New session…</source>
        <translation>Sesi ba&amp;ru…</translation>
    </message>
    <message>
        <source>Start a new evaluation session</source>
        <translation>Mulai sesi evaluasi baru</translation>
    </message>
    <message>
        <source>&amp;Open</source>
        <translation>B&amp;uka</translation>
    </message>
    <message>
        <source>Open the selected session (Enter or double-click)</source>
        <translation>Buka sesi yang dipilih (Enter atau klik dua kali)</translation>
    </message>
    <message>
        <source>Open &amp;demo</source>
        <translation>Buka &amp;demo</translation>
    </message>
    <message>
        <source>A fictional city half-way through its meeting, to try everything on</source>
        <translation>Kota fiktif yang rapatnya sudah berjalan separuh, untuk mencoba semua fitur</translation>
    </message>
    <message>
        <source>Open &amp;session file…</source>
        <translation>Buka berkas &amp;sesi…</translation>
    </message>
    <message>
        <source>A session file (.evpkg) from another laptop</source>
        <translation>Berkas sesi (.evpkg) dari laptop lain</translation>
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
        <source>&amp;Tools</source>
        <translation>&amp;Alat</translation>
    </message>
    <message>
        <source>Signing &amp;identities…</source>
        <translation>&amp;Identitas penanda tangan…</translation>
    </message>
    <message>
        <source>&amp;Verify a signed PDF…</source>
        <translation>&amp;Verifikasi PDF bertanda tangan…</translation>
    </message>
    <message>
        <source>Import a &amp;framework from a spreadsheet…</source>
        <translation>Impor &amp;kerangka dari lembar kerja…</translation>
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
        <source>Select a session to see its overview.</source>
        <translation>Pilih sesi untuk melihat ringkasannya.</translation>
    </message>
    <message>
        <source>There are no evaluation sessions on this laptop yet.
Start one with “New session…”, or try the app with “Open demo”.</source>
        <translation>Belum ada sesi evaluasi di laptop ini.
Mulai dengan “Sesi baru…”, atau coba aplikasi dengan “Buka demo”.</translation>
    </message>
    <message>
        <source>The session was created, but its attendance was not copied: %1</source>
        <translation>Sesi sudah dibuat, tetapi daftar hadirnya tidak tersalin: %1</translation>
    </message>
    <message>
        <source>The demo could not be created: %1</source>
        <translation>Demo tidak dapat dibuat: %1</translation>
    </message>
    <message>
        <source>Not opened: %1</source>
        <translation>Tidak dibuka: %1</translation>
    </message>
</context>
<context>
    <name>VerifyDialog</name>
    <message>
        <source>Verify signed minutes</source>
        <translation>Verifikasi berita acara bertanda tangan</translation>
    </message>
    <message>
        <source>Choose a PDF…</source>
        <translation>Pilih PDF…</translation>
    </message>
    <message>
        <source>Choose a signed PDF, or drop one here.</source>
        <translation>Pilih PDF bertanda tangan, atau seret berkasnya ke sini.</translation>
    </message>
    <message>
        <source>Signer</source>
        <translation>Penanda tangan</translation>
    </message>
    <message>
        <source>Signed at</source>
        <translation>Waktu tanda tangan</translation>
    </message>
    <message>
        <source>Intact</source>
        <translation>Utuh</translation>
    </message>
    <message>
        <source>Trusted</source>
        <translation>Tepercaya</translation>
    </message>
    <message>
        <source>Changes after it</source>
        <translation>Perubahan sesudahnya</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Tutup</translation>
    </message>
    <message>
        <source>Verify a signed PDF</source>
        <translation>Verifikasi PDF bertanda tangan</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Berkas PDF (*.pdf)</translation>
    </message>
    <message>
        <source>This file cannot be checked: %1</source>
        <translation>Berkas ini tidak dapat diperiksa: %1</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 dan %2</translation>
    </message>
    <message>
        <source>Not valid: this PDF carries no signatures.</source>
        <translation>Tidak sah: PDF ini tidak memuat tanda tangan.</translation>
    </message>
    <message>
        <source>Not valid: the file was changed after signing, and the signature of %1 no longer matches it.</source>
        <translation>Tidak sah: berkas diubah setelah ditandatangani sehingga tanda tangan %1 tidak lagi sesuai dengan isinya.</translation>
    </message>
    <message>
        <source>Not valid: the file was changed after signing, and the signatures of %1 no longer match it.</source>
        <translation>Tidak sah: berkas diubah setelah ditandatangani sehingga tanda tangan %1 tidak lagi sesuai dengan isinya.</translation>
    </message>
    <message>
        <source>Not valid: after the signature of %1 the file was changed by more than further signatures.</source>
        <translation>Tidak sah: setelah tanda tangan %1, berkas diubah lebih dari sekadar penambahan tanda tangan berikutnya.</translation>
    </message>
    <message>
        <source>Not valid: the minutes carry no readable snapshot.</source>
        <translation>Tidak sah: berita acara tidak memuat cuplikan yang dapat dibaca.</translation>
    </message>
    <message>
        <source>Not valid: the embedded snapshot is not the one signed.</source>
        <translation>Tidak sah: cuplikan yang tersemat bukan cuplikan yang ditandatangani.</translation>
    </message>
    <message>
        <source>Intact, but not trusted here: the signatures are unchanged, but not every certificate comes from an issuer this laptop trusts.</source>
        <translation>Utuh, tetapi tidak tepercaya di sini: tanda tangan tidak berubah, tetapi tidak semua sertifikat berasal dari penerbit yang dipercaya laptop ini.</translation>
    </message>
    <message>
        <source>Valid: the signature is intact and trusted, and the snapshot is the one signed.</source>
        <translation>Sah: tanda tangan utuh dan tepercaya, dan cuplikan sama dengan yang ditandatangani.</translation>
    </message>
    <message>
        <source>Valid: all %1 signatures are intact and trusted, and the snapshot is the one signed.</source>
        <translation>Sah: seluruh %1 tanda tangan utuh dan tepercaya, dan cuplikan sama dengan yang ditandatangani.</translation>
    </message>
    <message>
        <source>(unreadable signature)</source>
        <translation>(tanda tangan tidak terbaca)</translation>
    </message>
    <message>
        <source>NIP %1</source>
        <translation>NIP %1</translation>
    </message>
    <message>
        <source>intact</source>
        <translation>utuh</translation>
    </message>
    <message>
        <source>broken</source>
        <translation>rusak</translation>
    </message>
    <message>
        <source>✓ by %1</source>
        <translation>✓ oleh %1</translation>
    </message>
    <message>
        <source>not trusted here</source>
        <translation>tidak tepercaya di sini</translation>
    </message>
    <message>
        <source>none</source>
        <translation>tidak ada</translation>
    </message>
    <message>
        <source>only further signatures</source>
        <translation>hanya tanda tangan berikutnya</translation>
    </message>
    <message>
        <source>✗ other changes</source>
        <translation>✗ perubahan lain</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>tidak diketahui</translation>
    </message>
    <message>
        <source>Embedded snapshot: none found.</source>
        <translation>Cuplikan (snapshot) tersemat: tidak ditemukan.</translation>
    </message>
    <message>
        <source>matches what was signed</source>
        <translation>sesuai dengan yang ditandatangani</translation>
    </message>
    <message>
        <source>does NOT match what was signed</source>
        <translation>TIDAK sesuai dengan yang ditandatangani</translation>
    </message>
    <message>
        <source>Embedded snapshot: SHA-256 %1 — %2.</source>
        <translation>Cuplikan (snapshot) tersemat: SHA-256 %1 — %2.</translation>
    </message>
    <message>
        <source>%1 signature field(s) still empty: not everyone has signed this copy.</source>
        <translation>%1 kolom tanda tangan masih kosong: belum semua pihak menandatangani salinan ini.</translation>
    </message>
    <message>
        <source>Problems:</source>
        <translation>Masalah:</translation>
    </message>
</context>
<context>
    <name>_AnswerEditor</name>
    <message>
        <source>The answer given</source>
        <translation>Jawaban yang diberikan</translation>
    </message>
    <message>
        <source>Save answer</source>
        <translation>Simpan jawaban</translation>
    </message>
</context>
</TS>
