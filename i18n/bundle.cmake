# Assembles one ICU resource bundle source from its fragments:
#   cmake -DNAME=root -DOUT=file.txt -DDIR=i18n/zh -P bundle.cmake
# Each fragment (DIR/*.txt, in name order) is a list of `key { "..." }`
# lines; the bundle is `NAME { fragments... }`.  An empty DIR gives an
# empty bundle (zh.res: Chinese is the root bundle).
set(parts)
if(NOT "${DIR}" STREQUAL "")
  file(GLOB parts ${DIR}/*.txt)
  list(SORT parts)
endif()
set(body "// Generated from ${DIR}/*.txt by i18n/bundle.cmake: edit those.\n${NAME} {\n")
foreach(p ${parts})
  file(READ ${p} t)
  string(APPEND body "${t}")
endforeach()
string(APPEND body "}\n")
file(WRITE ${OUT}.new "${body}")
execute_process(COMMAND ${CMAKE_COMMAND} -E copy_if_different ${OUT}.new ${OUT})
file(REMOVE ${OUT}.new)
