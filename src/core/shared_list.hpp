// A list whose copies share one array until one of them is changed (copy on
// write). A server's collector hands the same folder's applications to
// several sites, services and tasks and keeps each folder's applications
// while it works: with a plain vector every hand-over copied every parsed
// binary of the folder, so memory grew by a copy per application. Reading
// never copies: begin()/end() are const even on a non-const list, so a
// range-for over a shared list reads the shared array; changing an element
// takes operator[], front(), back() or edit(), which detach first.
#pragma once

#include <cstddef>
#include <initializer_list>
#include <memory>
#include <utility>
#include <vector>

namespace liftshift {

template <typename T>
class SharedList {
 public:
  using value_type = T;
  using const_iterator = typename std::vector<T>::const_iterator;
  using iterator = const_iterator;  // reading only: edit() to change elements

  SharedList() = default;
  SharedList(std::initializer_list<T> items) : items_(std::make_shared<std::vector<T>>(items)) {}
  explicit SharedList(std::vector<T> items)
      : items_(std::make_shared<std::vector<T>>(std::move(items))) {}
  SharedList& operator=(std::initializer_list<T> items) {
    items_ = std::make_shared<std::vector<T>>(items);
    return *this;
  }

  const_iterator begin() const { return view().begin(); }
  const_iterator end() const { return view().end(); }
  bool empty() const { return view().empty(); }
  std::size_t size() const { return view().size(); }
  const T& operator[](std::size_t i) const { return view()[i]; }
  const T& front() const { return view().front(); }
  const T& back() const { return view().back(); }
  const std::vector<T>& view() const { return items_ ? *items_ : empty_items(); }

  T& operator[](std::size_t i) { return edit()[i]; }
  T& front() { return edit().front(); }
  T& back() { return edit().back(); }
  void push_back(T item) { edit().push_back(std::move(item)); }
  template <typename... Args>
  T& emplace_back(Args&&... args) {
    return edit().emplace_back(std::forward<Args>(args)...);
  }
  void clear() { items_.reset(); }

  // The array to change, this list's own: copied first when others share it.
  std::vector<T>& edit() {
    if (!items_) {
      items_ = std::make_shared<std::vector<T>>();
    } else if (items_.use_count() > 1) {
      items_ = std::make_shared<std::vector<T>>(*items_);
    }
    return *items_;
  }

  // Whether this list and `other` share one array (tests, diagnostics).
  bool shares_with(const SharedList& other) const { return items_ && items_ == other.items_; }

 private:
  static const std::vector<T>& empty_items() {
    static const std::vector<T> none;
    return none;
  }
  std::shared_ptr<std::vector<T>> items_;  // null: empty
};

}  // namespace liftshift
