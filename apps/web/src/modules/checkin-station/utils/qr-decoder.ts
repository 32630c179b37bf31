// The ZXing reader's .wasm, bundled and served by our own build (the polyfill would fetch it from a CDN by
// default): the service worker precaches it with the rest of the station, so camera scanning works offline.
import wasmUrl from 'zxing-wasm/reader/zxing_reader.wasm?url';

export interface QrDetector {
  detect(source: ImageBitmapSource): Promise<{ rawValue: string }[]>;
}

interface NativeDetectorClass {
  new (options: { formats: string[] }): QrDetector;
  getSupportedFormats(): Promise<string[]>;
}

let detector: Promise<QrDetector> | null = null;

/**
 * A QR code reader: the browser's own BarcodeDetector where it reads QR codes (Android, macOS, ChromeOS),
 * else the `barcode-detector` ponyfill (ZXing-C++ compiled to WebAssembly), loaded on first use. Rejects when
 * neither can run (e.g. WebAssembly refused by the page's Content-Security-Policy).
 */
export function qrDetector(): Promise<QrDetector> {
  detector ??= (async () => {
    const Native = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
    if (Native) {
      const formats = await Native.getSupportedFormats().catch(() => [] as string[]);
      if (formats.includes('qr_code')) return new Native({ formats: ['qr_code'] });
    }
    const { BarcodeDetector, prepareZXingModule } = await import('barcode-detector/ponyfill');
    await prepareZXingModule({
      overrides: { locateFile: (path: string, prefix: string) => (path.endsWith('.wasm') ? wasmUrl : prefix + path) },
      fireImmediately: true,
    });
    return new BarcodeDetector({ formats: ['qr_code'] });
  })();
  // A failed load may be tried again (e.g. after the page's network came back).
  detector.catch(() => {
    detector = null;
  });
  return detector;
}

/** The codes in an image file (a photo of a ticket, a screenshot). */
export async function decodeImageFile(file: Blob): Promise<string[]> {
  const reader = await qrDetector();
  const bitmap = await createImageBitmap(file);
  try {
    const found = await reader.detect(bitmap);
    return found.map((b) => b.rawValue).filter((v) => v.length > 0);
  } finally {
    bitmap.close();
  }
}
