// The plan file's JSON Schema, walked from the same field lists as the writer
// and the reader: every key, its type, the enum texts; no other key allowed.
#include <nlohmann/json.hpp>

#include "plan/plan_fields.hpp"
#include "plan/plan_file.hpp"

namespace liftshift {

namespace {

using Json = nlohmann::ordered_json;
using plan_fields::enum_text;
using plan_fields::EnumValues;
using plan_fields::fields;
using plan_fields::HasFields;

class SchemaWriter {
 public:
  Json properties = Json::object();

  void topics(std::initializer_list<const char*>) {}

  template <class T>
  void operator()(const char* key, const T&) {
    properties[key] = schema_of<T>();
  }

  template <class T>
  static Json schema_of() {
    if constexpr (std::is_same_v<T, std::string>) {
      return {{"type", "string"}};
    } else if constexpr (std::is_same_v<T, bool>) {
      return {{"type", "boolean"}};
    } else if constexpr (std::is_same_v<T, int>) {
      return {{"type", "integer"}};
    } else if constexpr (std::is_enum_v<T>) {
      Json values = Json::array();
      for (T e : EnumValues<T>::values) values.push_back(enum_text(e));
      return {{"enum", values}};
    } else if constexpr (requires(T t) { t.has_value(); }) {
      return {{"oneOf", {schema_of<typename T::value_type>(), {{"type", "null"}}}}};
    } else if constexpr (requires(T t) { t.begin(); }) {
      return {{"type", "array"}, {"items", schema_of<typename T::value_type>()}};
    } else {
      static_assert(HasFields<T>);
      return object_of<T>();
    }
  }

  template <class T>
  static Json object_of() {
    SchemaWriter nested;
    T value{};
    fields(nested, value);
    return {{"type", "object"}, {"properties", nested.properties}, {"additionalProperties", false}};
  }
};

}  // namespace

std::string plan_schema() {
  Json schema = {{"$schema", "http://json-schema.org/draft-07/schema#"},
                 {"$id", "https://liftshift.dev/schemas/plan-1.json"},
                 {"title", "liftshift plan"},
                 {"description",
                  "The plan `liftshift plan` writes and `liftshift containerize --plan` reads."}};
  Json body = SchemaWriter::object_of<Plan>();
  body["properties"]["liftshift_plan"] = {{"const", kPlanFileVersion}};
  body["properties"]["partition"] = {{"type", "integer"}, {"minimum", 0}};
  body["required"] = {"liftshift_plan"};
  for (auto& [k, v] : body.items()) schema[k] = v;
  return schema.dump(2) + "\n";
}

}  // namespace liftshift
