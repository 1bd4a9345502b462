export interface AgencyRow {
  code: string;
  kind: string;
  country: string;
  names: string;
  language: string;
  time_zone: string;
  created_at: string;
  updated_at: string;
}

export interface UnitRow {
  id: string;
  code: string;
  parent_id: string | null;
  kind: string;
  names: string;
  /** Materialised path of unit ids (`/root/child/`), so a subtree is one prefix match. */
  path: string;
  created_at: string;
  updated_at: string;
}

export interface CountryRow {
  code: string;
  alpha3: string;
  names: string;
}

/** Columns every geographic table shares: GeoJSON text and its bounding box. */
export interface GeoColumns {
  code: string;
  country: string;
  names: string;
  geometry: string | null;
  min_lon: number | null;
  min_lat: number | null;
  max_lon: number | null;
  max_lat: number | null;
}

export interface BorderSectionRow extends GeoColumns {
  neighbour_country: string;
}

export interface CountyRow extends GeoColumns {
  population: number | null;
  border_section_code: string | null;
  mirror_county_code: string | null;
}

export interface PortRow extends GeoColumns {
  kind: string;
  county_code: string | null;
  counterpart_port_code: string | null;
  neighbour_country: string | null;
  lon: number | null;
  lat: number | null;
}

export interface PassRow extends GeoColumns {
  kind: string;
  county_code: string | null;
  border_section_code: string | null;
  lon: number | null;
  lat: number | null;
}

declare module '../../core/db/database.js' {
  interface Database {
    agencies: AgencyRow;
    units: UnitRow;
    countries: CountryRow;
    border_sections: BorderSectionRow;
    counties: CountyRow;
    ports: PortRow;
    passes: PassRow;
  }
}
