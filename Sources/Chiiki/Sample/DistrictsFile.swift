extension CityLayout {
  /// districts.csv: district_code, district_name, area, households.
  func writeDistricts(to out: BufferedFileWriter) throws(SampleError) {
    try out.header(["district_code", "district_name", "area", "households"])
    for d in districts.indices {
      try out.write(code(d))
      try out.comma()
      try out.write(cell: name(d))
      try out.comma()
      try out.write(cell: areas[districts[d].area])
      try out.comma()
      try out.write(int: districts[d].households)
      try out.endRow()
    }
  }
}
