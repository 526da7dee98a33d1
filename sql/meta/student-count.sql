SELECT count(*)::INTEGER AS students FROM students;
