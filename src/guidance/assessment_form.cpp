#include "guidance/assessment_form.hpp"

#include <algorithm>
#include <boost/json.hpp>
#include <cmath>

#include "common/validate.hpp"

namespace allmende::guidance {
namespace {

namespace json = boost::json;

constexpr std::size_t kMaxQuestions = 50;
constexpr std::size_t kMaxOptions = 10;
constexpr std::size_t kMaxRules = 50;
constexpr std::size_t kMaxAnswerText = 1000;
constexpr std::int64_t kMaxPoints = 100;
constexpr std::int64_t kNumberLimit = 1'000'000;

const std::vector<std::string>& Languages() {
  static const std::vector<std::string> all{"fi", "sv", "en", "de", "da"};
  return all;
}

bool IsCode(std::string_view s) {
  if (s.empty() || s.size() > 40 || !(s[0] >= 'a' && s[0] <= 'z')) return false;
  return std::all_of(s.begin(), s.end(),
                     [](char ch) { return (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '_'; });
}

bool HasControl(std::string_view s, bool multiline) {
  return std::any_of(s.begin(), s.end(), [&](char ch) {
    const auto u = static_cast<unsigned char>(ch);
    if (multiline && (ch == '\n' || ch == '\t')) return false;
    return u < 0x20 || u == 0x7f;
  });
}

std::optional<std::int64_t> WholeNumber(const json::value& v) {
  if (v.is_int64()) return v.get_int64();
  if (v.is_uint64() && v.get_uint64() <= static_cast<std::uint64_t>(INT64_MAX)) {
    return static_cast<std::int64_t>(v.get_uint64());
  }
  if (v.is_double() && std::isfinite(v.get_double()) && std::floor(v.get_double()) == v.get_double() &&
      std::fabs(v.get_double()) < 9e15) {
    return static_cast<std::int64_t>(v.get_double());
  }
  return std::nullopt;
}

// Collects the problems of one form, each at its path.
class Checker {
 public:
  std::vector<FieldError> errors;

  void Add(std::string path, std::string message) { errors.push_back({std::move(path), std::move(message)}); }

  Localized Text(const json::object& o, std::string_view name, const std::string& path, std::size_t max) {
    Localized out;
    const json::value* v = o.if_contains(name);
    if (!v || !v->is_object()) {
      Add(path, "Give the text in at least one language: {\"fi\": \"…\"}.");
      return out;
    }
    for (const auto& [lang, text] : v->as_object()) {
      const std::string key(lang);
      if (std::find(Languages().begin(), Languages().end(), key) == Languages().end()) {
        Add(path + "." + key.substr(0, 10), "Languages are fi, sv, en, de and da.");
        continue;
      }
      if (!text.is_string() || text.as_string().empty() || Utf8Characters(text.as_string()) > max ||
          HasControl(text.as_string(), false)) {
        Add(path + "." + key, "Between 1 and " + std::to_string(max) + " characters, on one line.");
        continue;
      }
      out[key] = std::string(text.as_string());
    }
    if (out.empty() && v->as_object().empty()) Add(path, "Give the text in at least one language.");
    return out;
  }

  std::optional<std::int64_t> Int(const json::object& o, std::string_view name, const std::string& path,
                                  std::int64_t min, std::int64_t max, bool required) {
    const json::value* v = o.if_contains(name);
    if (!v || v->is_null()) {
      if (required)
        Add(path, "Give a whole number between " + std::to_string(min) + " and " + std::to_string(max) + ".");
      return std::nullopt;
    }
    auto n = WholeNumber(*v);
    if (!n || *n < min || *n > max) {
      Add(path, "A whole number between " + std::to_string(min) + " and " + std::to_string(max) + ".");
      return std::nullopt;
    }
    return n;
  }

  Question ParseQuestion(const json::value& v, const std::string& path, std::set<std::string>& ids) {
    Question q;
    if (!v.is_object()) {
      Add(path, "Each question is an object.");
      return q;
    }
    const auto& o = v.as_object();
    if (auto id = o.if_contains("id"); id && id->is_string() && IsCode(id->as_string())) {
      q.id = std::string(id->as_string());
      if (!ids.insert(q.id).second) Add(path + ".id", "Another question has this id.");
    } else {
      Add(path + ".id", "An id of lower-case letters, digits and _ (at most 40), starting with a letter.");
    }
    if (auto type = o.if_contains("type"); type && type->is_string()) q.type = std::string(type->as_string());
    if (q.type != "choice" && q.type != "yes_no" && q.type != "number" && q.type != "text") {
      Add(path + ".type", "Choose choice, yes_no, number or text.");
    }
    if (auto required = o.if_contains("required"); required && !required->is_null()) {
      if (required->is_bool()) {
        q.required = required->as_bool();
      } else {
        Add(path + ".required", "true or false.");
      }
    }
    q.text = Text(o, "text", path + ".text", 500);
    if (q.type == "choice") {
      const json::value* options = o.if_contains("options");
      if (!options || !options->is_array() || options->as_array().size() < 2 ||
          options->as_array().size() > kMaxOptions) {
        Add(path + ".options", "A choice has 2 to 10 options.");
      } else {
        std::set<std::string> values;
        for (std::size_t i = 0; i < options->as_array().size(); ++i) {
          const std::string at = path + ".options[" + std::to_string(i) + "]";
          const auto& ov = options->as_array()[i];
          if (!ov.is_object()) {
            Add(at, "Each option is an object.");
            continue;
          }
          AnswerOption opt;
          if (auto value = ov.as_object().if_contains("value");
              value && value->is_string() && IsCode(value->as_string())) {
            opt.value = std::string(value->as_string());
            if (!values.insert(opt.value).second) Add(at + ".value", "Another option has this value.");
          } else {
            Add(at + ".value", "A value of lower-case letters, digits and _ (at most 40), starting with a letter.");
          }
          opt.points = static_cast<int>(Int(ov.as_object(), "points", at + ".points", 0, kMaxPoints, true).value_or(0));
          opt.label = Text(ov.as_object(), "label", at + ".label", 200);
          q.options.push_back(std::move(opt));
        }
      }
    } else if (q.type == "yes_no") {
      q.points_yes = static_cast<int>(Int(o, "points_yes", path + ".points_yes", 0, kMaxPoints, false).value_or(0));
    } else if (q.type == "number") {
      auto min = Int(o, "min", path + ".min", -kNumberLimit, kNumberLimit, true);
      auto max = Int(o, "max", path + ".max", -kNumberLimit, kNumberLimit, true);
      if (min && max && *min > *max) Add(path + ".max", "At least the minimum.");
      q.min = min.value_or(0);
      q.max = max.value_or(0);
    }
    return q;
  }

  SuggestionRule ParseRule(const json::value& v, const std::string& path, const FormDefinition& form,
                           const std::set<std::string>& categories) {
    SuggestionRule r;
    if (!v.is_object()) {
      Add(path, "Each suggestion is an object.");
      return r;
    }
    const auto& o = v.as_object();
    if (auto c = o.if_contains("category"); c && c->is_string() && categories.count(std::string(c->as_string()))) {
      r.category = std::string(c->as_string());
    } else {
      Add(path + ".category", "A category of the service taxonomy (GET /api/v1/categories).");
    }
    const json::value* question = o.if_contains("question");
    if (question && !question->is_null()) {
      auto q = std::find_if(form.questions.begin(), form.questions.end(),
                            [&](const Question& x) { return question->is_string() && x.id == question->as_string(); });
      if (q == form.questions.end() || q->type == "text") {
        Add(path + ".question", "A choice, yes/no or number question of this form.");
      } else {
        r.question = q->id;
      }
      r.at_least = Int(o, "at_least", path + ".at_least", -kNumberLimit, kNumberLimit, true);
      if (o.contains("score_at_least"))
        Add(path + ".score_at_least", "A rule is on a question or on the score, not both.");
    } else {
      r.score_at_least = Int(o, "score_at_least", path + ".score_at_least", 0, 5000, true);
    }
    return r;
  }
};

void PutLocalized(json::object& o, std::string_view key, const Localized& text) { o[key] = LocalizedObject(text); }

Localized LocalizedFrom(const json::value* v) {
  Localized out;
  if (!v || !v->is_object()) return out;
  for (const auto& [lang, text] : v->as_object()) {
    if (text.is_string()) out[std::string(lang)] = std::string(text.as_string());
  }
  return out;
}

std::int64_t IntOr(const json::object& o, std::string_view key, std::int64_t fallback) {
  const json::value* v = o.if_contains(key);
  if (!v) return fallback;
  return WholeNumber(*v).value_or(fallback);
}

}  // namespace

int FormDefinition::MaxScore() const {
  int total = 0;
  for (const auto& q : questions) {
    if (q.type == "choice") {
      int best = 0;
      for (const auto& o : q.options) best = std::max(best, o.points);
      total += best;
    } else if (q.type == "yes_no") {
      total += q.points_yes;
    }
  }
  return total;
}

json::object LocalizedObject(const Localized& text) {
  json::object o;
  for (const auto& lang : Languages()) {
    if (auto it = text.find(lang); it != text.end()) o[lang] = it->second;
  }
  return o;
}

Result<FormDefinition> ParseFormDefinition(const json::value& body, const std::set<std::string>& categories) {
  if (!body.is_object()) return Error::Invalid("body", "Send the form as a JSON object.");
  const auto& o = body.as_object();
  Checker check;
  FormDefinition form;
  form.title = check.Text(o, "title", "title", 200);
  const json::value* questions = o.if_contains("questions");
  if (!questions || !questions->is_array() || questions->as_array().empty() ||
      questions->as_array().size() > kMaxQuestions) {
    check.Add("questions", "A form has 1 to 50 questions.");
  } else {
    std::set<std::string> ids;
    for (std::size_t i = 0; i < questions->as_array().size(); ++i) {
      form.questions.push_back(
          check.ParseQuestion(questions->as_array()[i], "questions[" + std::to_string(i) + "]", ids));
    }
  }
  if (const json::value* rules = o.if_contains("suggestions"); rules && !rules->is_null()) {
    if (!rules->is_array() || rules->as_array().size() > kMaxRules) {
      check.Add("suggestions", "At most 50 rules, as a list.");
    } else {
      for (std::size_t i = 0; i < rules->as_array().size(); ++i) {
        form.suggestions.push_back(
            check.ParseRule(rules->as_array()[i], "suggestions[" + std::to_string(i) + "]", form, categories));
      }
    }
  }
  if (!check.errors.empty()) return Error::Invalid(std::move(check.errors));
  return form;
}

json::object FormBody(const FormDefinition& form) {
  json::array questions;
  for (const auto& q : form.questions) {
    json::object o{{"id", q.id}, {"type", q.type}, {"required", q.required}};
    PutLocalized(o, "text", q.text);
    if (q.type == "choice") {
      json::array options;
      for (const auto& opt : q.options) {
        json::object a{{"value", opt.value}, {"points", opt.points}};
        PutLocalized(a, "label", opt.label);
        options.push_back(std::move(a));
      }
      o["options"] = std::move(options);
    } else if (q.type == "yes_no") {
      o["points_yes"] = q.points_yes;
    } else if (q.type == "number") {
      o["min"] = q.min;
      o["max"] = q.max;
    }
    questions.push_back(std::move(o));
  }
  json::array rules;
  for (const auto& r : form.suggestions) {
    json::object o{{"category", r.category}};
    if (r.question) {
      o["question"] = *r.question;
      o["at_least"] = r.at_least.value_or(0);
    } else {
      o["score_at_least"] = r.score_at_least.value_or(0);
    }
    rules.push_back(std::move(o));
  }
  json::object out;
  PutLocalized(out, "title", form.title);
  out["questions"] = std::move(questions);
  out["suggestions"] = std::move(rules);
  out["max_score"] = form.MaxScore();
  return out;
}

std::string TitleJson(const FormDefinition& form) { return json::serialize(LocalizedObject(form.title)); }

std::string DefinitionJson(const FormDefinition& form) {
  auto body = FormBody(form);
  body.erase("title");
  body.erase("max_score");
  return json::serialize(body);
}

FormDefinition FromStored(std::string_view title_json, std::string_view definition_json) {
  FormDefinition form;
  boost::system::error_code ec;
  auto title = json::parse(title_json, ec);
  if (!ec) form.title = LocalizedFrom(&title);
  auto doc = json::parse(definition_json, ec);
  if (ec || !doc.is_object()) return form;
  const auto& d = doc.as_object();
  if (auto qs = d.if_contains("questions"); qs && qs->is_array()) {
    for (const auto& qv : qs->as_array()) {
      if (!qv.is_object()) continue;
      const auto& o = qv.as_object();
      Question q;
      if (auto id = o.if_contains("id"); id && id->is_string()) q.id = std::string(id->as_string());
      if (auto type = o.if_contains("type"); type && type->is_string()) q.type = std::string(type->as_string());
      if (auto required = o.if_contains("required"); required && required->is_bool()) q.required = required->as_bool();
      q.text = LocalizedFrom(o.if_contains("text"));
      if (auto options = o.if_contains("options"); options && options->is_array()) {
        for (const auto& ov : options->as_array()) {
          if (!ov.is_object()) continue;
          AnswerOption opt;
          if (auto value = ov.as_object().if_contains("value"); value && value->is_string()) {
            opt.value = std::string(value->as_string());
          }
          opt.points = static_cast<int>(IntOr(ov.as_object(), "points", 0));
          opt.label = LocalizedFrom(ov.as_object().if_contains("label"));
          q.options.push_back(std::move(opt));
        }
      }
      q.points_yes = static_cast<int>(IntOr(o, "points_yes", 0));
      q.min = IntOr(o, "min", 0);
      q.max = IntOr(o, "max", 0);
      form.questions.push_back(std::move(q));
    }
  }
  if (auto rs = d.if_contains("suggestions"); rs && rs->is_array()) {
    for (const auto& rv : rs->as_array()) {
      if (!rv.is_object()) continue;
      const auto& o = rv.as_object();
      SuggestionRule r;
      if (auto c = o.if_contains("category"); c && c->is_string()) r.category = std::string(c->as_string());
      if (auto q = o.if_contains("question"); q && q->is_string()) {
        r.question = std::string(q->as_string());
        r.at_least = IntOr(o, "at_least", 0);
      } else {
        r.score_at_least = IntOr(o, "score_at_least", 0);
      }
      form.suggestions.push_back(std::move(r));
    }
  }
  return form;
}

Result<Scored> ScoreAnswers(const FormDefinition& form, const json::value& answers) {
  if (!answers.is_object())
    return Error::Invalid("answers", "Send the answers as an object: {\"question id\": answer}.");
  const auto& given = answers.as_object();
  std::vector<FieldError> errors;
  for (const auto& [key, value] : given) {
    if (std::none_of(form.questions.begin(), form.questions.end(), [&](const Question& q) { return q.id == key; })) {
      errors.push_back({"answers." + std::string(key).substr(0, 40), "This version of the form has no such question."});
    }
  }
  Scored out;
  std::map<std::string, std::int64_t> measure;  // what the rules compare: points, or a number's value
  for (const auto& q : form.questions) {
    const std::string field = "answers." + q.id;
    const json::value* v = given.if_contains(q.id);
    const bool empty = !v || v->is_null() || (v->is_string() && v->as_string().empty());
    if (empty) {
      if (q.required) errors.push_back({field, "Answer this question."});
      continue;
    }
    if (q.type == "choice") {
      auto opt = std::find_if(q.options.begin(), q.options.end(),
                              [&](const AnswerOption& o) { return v->is_string() && o.value == v->as_string(); });
      if (opt == q.options.end()) {
        errors.push_back({field, "Choose one of the question's options."});
        continue;
      }
      out.score += opt->points;
      measure[q.id] = opt->points;
      out.answers[q.id] = opt->value;
    } else if (q.type == "yes_no") {
      if (!v->is_bool()) {
        errors.push_back({field, "Answer yes (true) or no (false)."});
        continue;
      }
      const int points = v->as_bool() ? q.points_yes : 0;
      out.score += points;
      measure[q.id] = points;
      out.answers[q.id] = v->as_bool();
    } else if (q.type == "number") {
      auto n = WholeNumber(*v);
      if (!n || *n < q.min || *n > q.max) {
        errors.push_back(
            {field, "A whole number between " + std::to_string(q.min) + " and " + std::to_string(q.max) + "."});
        continue;
      }
      measure[q.id] = *n;
      out.answers[q.id] = *n;
    } else {
      if (!v->is_string() || Utf8Characters(v->as_string()) > kMaxAnswerText || HasControl(v->as_string(), true)) {
        errors.push_back({field, "Text of at most 1,000 characters."});
        continue;
      }
      out.answers[q.id] = v->as_string();
    }
  }
  if (!errors.empty()) return Error::Invalid(std::move(errors));
  for (const auto& r : form.suggestions) {
    bool hit = false;
    if (r.question) {
      auto m = measure.find(*r.question);
      hit = m != measure.end() && m->second >= r.at_least.value_or(0);
    } else {
      hit = out.score >= r.score_at_least.value_or(0);
    }
    if (hit && std::find(out.categories.begin(), out.categories.end(), r.category) == out.categories.end()) {
      out.categories.push_back(r.category);
    }
  }
  return out;
}

}  // namespace allmende::guidance
