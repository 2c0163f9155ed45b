// The US–Mexico border, written down by hand as [latitude, longitude] points (approximate, a few km at most;
// enough to place 22 crossings recognisably, and no map tiles or internet needed). West to east.
export const BORDER = [
  [32.534, -117.124], // Pacific Ocean at Tijuana / San Diego (Border Field)
  [32.576, -116.626], // Tecate
  [32.673, -115.388], // Calexico / Mexicali (straight line across the Colorado Desert)
  [32.718, -114.719], // Colorado River near Yuma
  [32.610, -114.780],
  [32.487, -114.813], // San Luis: the river leaves the border
  [31.332, -111.075], // the Sonora line meets 31°20' N west of Nogales
  [31.333, -110.943], // Nogales
  [31.334, -109.560], // Douglas
  [31.333, -108.208], // bootheel corner
  [31.783, -108.208],
  [31.784, -107.628], // Columbus
  [31.784, -106.528], // El Paso: the Rio Grande begins to be the border
  [31.760, -106.450],
  [31.671, -106.338], // Ysleta–Zaragoza
  [31.433, -106.148], // Tornillo
  [31.180, -105.860],
  [30.900, -105.560],
  [30.640, -105.010],
  [30.280, -104.770],
  [29.800, -104.520],
  [29.562, -104.395], // Presidio–Ojinaga
  [29.300, -104.060],
  [29.160, -103.610], // Santa Elena Canyon
  [28.980, -103.260], // Big Bend, southernmost point
  [29.180, -102.960], // Boquillas
  [29.540, -102.780],
  [29.780, -102.380],
  [29.790, -101.760],
  [29.560, -101.200], // Amistad reservoir
  [29.327, -100.927], // Del Rio
  [28.980, -100.640],
  [28.698, -100.510], // Eagle Pass
  [28.290, -100.300],
  [27.860, -99.880],
  [27.700, -99.746], // Colombia
  [27.597, -99.537], // Laredo
  [27.300, -99.490],
  [26.900, -99.280], // Zapata
  [26.560, -99.170], // Falcon Dam
  [26.404, -99.019], // Roma
  [26.366, -98.802], // Rio Grande City
  [26.190, -98.540],
  [26.067, -98.205], // Pharr–Reynosa
  [26.062, -97.950], // Progreso
  [26.029, -97.739], // Los Indios
  [25.884, -97.476], // Brownsville
  [25.957, -97.146], // Gulf of Mexico at Boca Chica
];

/** Coasts for orientation: the Pacific down Baja California, both shores of the Gulf of California, the Gulf of Mexico. */
export const PACIFIC_COAST = [
  [33.45, -117.62], [32.900, -117.250], [32.534, -117.124], [31.860, -116.650], [30.900, -116.350], [30.400, -115.980],
  [29.900, -115.750], [29.300, -114.900], [28.600, -114.300], [27.950, -115.050], [27.600, -114.600], [26.900, -113.900],
  [26.200, -112.700], [25.300, -112.100], [24.600, -111.800],
];
export const GULF_OF_CALIFORNIA = [
  [31.750, -114.750], [31.500, -114.300], [31.300, -113.600], [30.800, -113.050], [30.300, -112.800], [29.700, -112.300],
  [28.800, -111.950], [27.900, -110.900], [27.000, -109.900], [26.000, -109.300], [25.600, -109.050], [24.600, -107.900],
  [24.300, -110.300], [25.000, -110.800], [26.000, -111.300], [27.000, -112.000], [28.000, -112.800], [29.000, -113.500],
  [30.000, -114.600], [31.000, -114.850],
];
export const GULF_COAST = [
  [28.600, -95.500], [28.000, -96.900], [27.500, -97.250], [26.700, -97.300], [25.957, -97.146], [25.500, -97.400],
  [25.000, -97.500], [24.500, -97.700],
];

/** US state lines where they meet the border (for orientation). */
export const STATE_LINES = [
  [[32.718, -114.719], [33.100, -114.600], [33.400, -114.700]], // CA | AZ along the Colorado
  [[31.333, -109.050], [33.400, -109.050]], // AZ | NM
  [[31.784, -106.528], [32.000, -106.620], [32.000, -103.064], [33.400, -103.064]], // NM | TX
];

export const LABELS = [
  { text: 'UNITED STATES', at: [32.95, -103.0], kind: 'country' },
  { text: 'MÉXICO', at: [27.2, -103.3], kind: 'country' },
  { text: 'CA', at: [33.3, -116.2], kind: 'state' },
  { text: 'AZ', at: [33.15, -111.8], kind: 'state' },
  { text: 'NM', at: [33.15, -107.6], kind: 'state' },
  { text: 'TX', at: [31.0, -101.2], kind: 'state' },
  { text: 'Pacific', at: [30.2, -117.3], kind: 'water' },
  { text: 'Gulf of California', at: [29.2, -112.2], kind: 'water', rotate: 38 },
  { text: 'Gulf of', at: [25.4, -96.2], kind: 'water' },
  { text: 'Mexico', at: [25.05, -96.2], kind: 'water' },
];

export const BOUNDS = { north: 33.45, south: 24.9, west: -118.1, east: -95.5 };
